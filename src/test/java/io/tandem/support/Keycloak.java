package io.tandem.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to the test Keycloak like its clients do: token endpoint grants, and the admin REST API. */
public final class Keycloak {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeycloakServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    public Keycloak(KeycloakServer server) {
        this.server = server;
    }

    /** Resource owner password grant, as the demo users of the realm. */
    public String passwordToken(String realm, String clientId, String user) {
        return token(realm, Map.of("grant_type", "password", "client_id", clientId, "username", user, "password", user));
    }

    public String clientCredentialsToken(String realm, String clientId, String secret) {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /**
     * Creates a realm, client, role or key, or adds role mappings, through the admin REST API (path below
     * /admin/realms); role mappings take a list of roles.
     */
    public void create(String path, Object representation) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms" + path))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representation))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 204) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    /** Removes what the admin REST API holds at this path (below /admin/realms): role mappings take a list of roles. */
    public void delete(String path, Object representation) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms" + path))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representation))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("DELETE " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("DELETE " + path + " failed", e);
        }
    }

    /**
     * A public client of the tandem realm for password grants whose access tokens are meant for Tandem (the tandem-api
     * audience) and expire after this many seconds.
     */
    public void createShortLivedClient(String clientId, int tokenSeconds) {
        create("/tandem/clients", Map.of("clientId", clientId, "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", String.valueOf(tokenSeconds)),
                "protocolMappers", List.of(Map.of("name", "audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.custom.audience", "tandem-api", "access.token.claim", "true")))));
    }

    /**
     * Another issuer: a realm of this name with a client of this id for password grants and a user priya (password
     * priya) of the product role, as in the tandem realm, whose tokens Tandem must not trust.
     */
    public void createLookAlikeRealm(String realm, String clientId) {
        create("", Map.of("realm", realm, "enabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", "product"))),
                "clients", List.of(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true)),
                "users", List.of(Map.of("username", "priya", "enabled", true, "firstName", "Priya", "lastName", "Patel",
                        "email", "priya@elsewhere.example", "emailVerified", true, "realmRoles", List.of("product"),
                        "credentials", List.of(Map.of("type", "password", "value", "priya", "temporary", false))))));
    }

    public JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms" + path))
                    .header("Authorization", "Bearer " + adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    private String adminToken() {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
    }

    private String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(server.issuer(realm) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token request to realm " + realm + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Token request to realm " + realm + " failed", e);
        }
    }
}
