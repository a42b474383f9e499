package io.tandem.graphql.tuning;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tandem.graphql.QueryAdmission;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.graphql.execution.ErrorType;
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
 *
 * <p>A JSON body is checked before Spring reads it: Spring answers a body of {@code null} with a 500 and quietly turns
 * {@code "query": 1} into the text "1". Anything but an object with a string {@code query}, an optional string
 * {@code operationName} and optional objects {@code variables} and {@code extensions} is answered with 400 and one
 * GraphQL error classified BAD_REQUEST.
 */
final class GraphQlJsonHttpHandler extends GraphQlHttpHandler {

    /** A refused query waited the longest wait already; a second later its turn may be free. */
    private static final String RETRY_AFTER_SECONDS = "1";

    /** Reads request bodies strictly: one JSON value, nothing after it. */
    private final ObjectReader requests;
    private final JsonFactory json;
    /** For values other than JSON's own; without flushing after each, which would send each to the socket. */
    private final ObjectWriter others;

    GraphQlJsonHttpHandler(WebGraphQlHandler graphQlHandler, ObjectMapper mapper) {
        super(graphQlHandler);
        this.requests = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.json = mapper.getFactory();
        this.others = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @Override
    public ServerResponse handleRequest(ServerRequest request) throws ServletException {
        if (!request.headers().contentType().map(MediaType.APPLICATION_JSON::isCompatibleWith).orElse(false)) {
            return super.handleRequest(request);
        }
        byte[] body;
        try {
            body = request.servletRequest().getInputStream().readAllBytes();
        } catch (IOException e) {
            return badRequest("The request body could not be read");
        }
        String malformed = malformation(body);
        if (malformed != null) {
            return badRequest(malformed);
        }
        return super.handleRequest(ServerRequest.from(request).body(body).build());
    }

    /** What is wrong with a JSON request body, or null when it is a GraphQL request. */
    private String malformation(byte[] body) {
        JsonNode request;
        try {
            request = requests.readTree(body);
        } catch (JsonProcessingException e) {
            return "The request body is not valid JSON";
        } catch (IOException e) {
            return "The request body could not be read";
        }
        if (request == null || !request.isObject()) {
            return "The request body must be a JSON object with a \"query\" string";
        }
        if (!request.path("query").isTextual()) {
            return "\"query\" must be a string holding the GraphQL document";
        }
        if (!absentOr(request.get("operationName"), JsonNode::isTextual)) {
            return "\"operationName\" must be a string";
        }
        if (!absentOr(request.get("variables"), JsonNode::isObject)) {
            return "\"variables\" must be an object of variable names to values";
        }
        if (!absentOr(request.get("extensions"), JsonNode::isObject)) {
            return "\"extensions\" must be an object";
        }
        return null;
    }

    private static boolean absentOr(JsonNode value, Predicate<JsonNode> shape) {
        return value == null || value.isNull() || shape.test(value);
    }

    private static ServerResponse badRequest(String message) {
        return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", List.of(Map.of(
                "message", message, "extensions", Map.of("classification", ErrorType.BAD_REQUEST.name())))));
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
