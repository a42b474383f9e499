package io.tandem.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * GraphQL posted to /graphql as plain HTTP, the way a client outside the test's Spring context does it: for a
 * Tandem running in another JVM, or for bodies a GraphQL client would never send. Signs in as a demo user
 * (HTTP Basic, password = user id).
 */
public final class GraphQlOverHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private GraphQlOverHttp() {
    }

    /** The Authorization header of a demo user. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON body of a request with this document and these variables. */
    public static String request(String document, Map<String, Object> variables) {
        try {
            return JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** POSTs the body to http://localhost:&lt;port&gt;/graphql as the demo user, in English (parser messages are localised). */
    public static HttpResponse<String> post(int port, String user, HttpRequest.BodyPublisher body) {
        return post(URI.create("http://localhost:" + port + "/graphql"), user, body);
    }

    public static HttpResponse<String> post(URI graphql, String user, HttpRequest.BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(graphql)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .header("Authorization", basic(user, user))
                .POST(body).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> post(int port, String user, String body) {
        return post(port, user, HttpRequest.BodyPublishers.ofString(body));
    }
}
