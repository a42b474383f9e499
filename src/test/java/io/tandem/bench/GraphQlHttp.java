package io.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GraphQL over real HTTP, as a client sends it: one POST per operation, HTTP Basic, JSON in and out, kept-alive
 * connections. A blocking HttpURLConnection: the load generator shares the two cores with Tandem, and
 * java.net.http.HttpClient routes every client's I/O through one selector thread, on whose locks the profile of a
 * read run showed the client threads waiting (BENCHMARKS.md, "The load generator").
 */
public final class GraphQlHttp {

    static {
        // the JDK keeps 5 idle connections per server by default; every client beyond that would reconnect each time
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "256");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URL endpoint;

    public GraphQlHttp(int port) {
        this(URI.create("http://localhost:" + port + "/graphql"));
    }

    /** Another GraphQL server's endpoint (the peer the page is compared with). */
    public GraphQlHttp(URI endpoint) {
        try {
            this.endpoint = endpoint.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
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
        try {
            return JSON.readTree(post(user, document, variables));
        } catch (IOException e) {
            throw new IllegalStateException("the answer is not JSON", e);
        }
    }

    /** The answer's body as it came; a non-200 answer fails. */
    public byte[] post(String user, String document, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(60_000);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Authorization", basic(user));
            byte[] body = JSON.writeValueAsBytes(request);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            // reading each answer to its end (and closing, not disconnecting) returns the connection to the pool
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                byte[] answer = in == null ? new byte[0] : in.readAllBytes();
                if (status != 200) {
                    throw new IllegalStateException("HTTP " + status + ": " + new String(answer, StandardCharsets.UTF_8));
                }
                return answer;
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST /graphql failed", e);
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
