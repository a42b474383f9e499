package io.tandem.graphql;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The GraphQL over HTTP handler Spring Boot would build, except that it writes each result straight onto Jackson's
 * generator. A result is a tree of maps, lists, strings, numbers and booleans; Jackson's map serializer looks up a
 * serializer for the class of every value in it, which made writing a page of 50 bets a tenth of its CPU
 * (BENCHMARKS.md). Anything else in the tree is handed to Jackson; requests are read exactly as before.
 *
 * <p>A query refused by the admission (QueryAdmission, SERVER_BUSY) was never run: it is answered with 503 Service
 * Unavailable and {@code Retry-After}, whatever the media type, so a load balancer or client sees the refusal without
 * reading the body. Every other result keeps Spring's status.
 */
final class GraphQlJsonHttpHandler extends GraphQlHttpHandler {

    /** A refused query waited the longest wait already; a second later its turn may be free. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final JsonFactory json;
    /** For values other than JSON's own; without flushing after each, which would send each to the socket. */
    private final ObjectWriter others;

    GraphQlJsonHttpHandler(WebGraphQlHandler graphQlHandler, ObjectMapper mapper) {
        super(graphQlHandler);
        this.json = mapper.getFactory();
        this.others = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @Override
    protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responses) {
        return super.prepareResponse(request, responses.doOnNext(response -> {
            if (QueryAdmission.isRefusal(response.getExecutionResult())) {
                response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
        }));
    }

    @Override
    protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType contentType) {
        return QueryAdmission.isRefusal(response.getExecutionResult()) ? HttpStatus.SERVICE_UNAVAILABLE
                : super.selectResponseStatus(response, contentType);
    }

    @Override
    protected ServerResponse.HeadersBuilder.WriteFunction getWriteFunction(Map<String, Object> resultMap,
                                                                           MediaType contentType) {
        return (request, response) -> {
            try (JsonGenerator out = json.createGenerator(StreamUtils.nonClosing(response.getOutputStream()),
                    JsonEncoding.UTF8)) {
                write(resultMap, out);
            }
            return null;
        };
    }

    private void write(Object value, JsonGenerator out) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Map<?, ?> object) {
            out.writeStartObject();
            for (Map.Entry<?, ?> field : object.entrySet()) {
                out.writeFieldName(String.valueOf(field.getKey()));
                write(field.getValue(), out);
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(item, out);
            }
            out.writeEndArray();
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else {
            others.writeValue(out, value);
        }
    }
}
