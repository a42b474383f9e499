package io.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** GraphQL over real HTTP, as a client sends it: one POST per operation, HTTP Basic, JSON in and out. */
public final class GraphQlHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http;

    public GraphQlHttp(int port) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The response's {@code data}; a top-level error or a non-200 answer fails. */
    public JsonNode execute(String user, String document, Map<String, Object> variables) {
        JsonNode body = send(user, document, variables);
        JsonNode errors = body.get("errors");
        if (errors != null && !errors.isEmpty()) {
            throw new IllegalStateException("GraphQL errors: " + errors);
        }
        return body.get("data");
    }

    /** A mutation's payload (data.{field}); userErrors fail. */
    public JsonNode mutate(String user, String field, String document, Map<String, Object> input) {
        JsonNode payload = execute(user, document, Map.of("input", input)).get(field);
        JsonNode userErrors = payload.get("userErrors");
        if (userErrors != null && !userErrors.isEmpty()) {
            throw new IllegalStateException(field + " by " + user + " refused: " + userErrors);
        }
        return payload;
    }

    public JsonNode send(String user, String document, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .header("Authorization", basic(user))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST /graphql failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the schema has a root query field of this name (introspection). */
    public boolean hasQueryField(String user, String field) {
        JsonNode fields = execute(user, "{ __type(name: \"Query\") { fields { name } } }", Map.of()).path("__type").path("fields");
        for (JsonNode f : fields) {
            if (field.equals(f.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
