package io.tandem.live;

import graphql.GraphQLError;
import java.util.List;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A subscription posted to /graphql as a plain request would come back as the JSON of a stream object; it gets one
 * BAD_REQUEST error naming the WebSocket endpoint instead. (Server-sent events, which stream, pass.)
 */
@Component
class PlainHttpSubscriptions implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest
                || request.getHeaders().getOrEmpty("Accept").stream().anyMatch(accept -> accept.contains("text/event-stream"))) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> response.getExecutionResult().getData() instanceof Publisher<?>
                ? response.transform(result -> result.data(null).errors(List.of(GraphQLError.newError()
                        .errorType(ErrorType.BAD_REQUEST)
                        .message("Subscriptions are served over WebSocket at /graphql-ws (protocol graphql-transport-ws)")
                        .build())))
                : response);
    }
}
