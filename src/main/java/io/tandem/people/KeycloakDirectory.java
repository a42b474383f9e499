package io.tandem.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.security.EngineIdentities;
import io.tandem.security.Role;
import io.tandem.security.SecurityProperties;
import io.tandem.shared.StoredTime;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lists the Keycloak realm's users who hold a Tandem role (a realm role, or a client role of Tandem's role clients),
 * so that a person can be named a lead, or handed a task, before they ever sign in. Reads through Keycloak's admin
 * API as a confidential client's service account (realm-management: view-users, view-clients, view-realm), at start and then
 * every {@code refresh}. Each listed person is recorded as a sign-in records them (EngineIdentities), so the engine's
 * identity service and the directory agree; someone an earlier read listed and this one does not has lost their
 * Tandem roles and is recorded without any. A failed read changes nothing and is tried again at the next refresh.
 */
@Component
@ConditionalOnProperty(name = "tandem.directory.keycloak.enabled", havingValue = "true")
class KeycloakDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakDirectory.class);
    private static final int PAGE = 100;

    private final KeycloakDirectoryProperties properties;
    private final SecurityProperties security;
    private final EngineIdentities identities;
    private final People people;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** How many people the last read listed, so that only a change is logged. */
    private volatile int lastCount = -1;

    KeycloakDirectory(KeycloakDirectoryProperties properties, SecurityProperties security, EngineIdentities identities,
                      People people, ObjectMapper json, Clock clock) {
        if (security.demoMode()) {
            throw new IllegalStateException("tandem.directory.keycloak.enabled needs an issuer: set TANDEM_OIDC_ISSUER_URI");
        }
        this.properties = properties;
        this.security = security;
        this.identities = identities;
        this.people = people;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tandem.directory.keycloak.refresh}")
    void readSafely() {
        try {
            read();
        } catch (Exception e) {
            log.warn("Could not read the Keycloak directory; the people it listed before stay as they were: {}", e.toString());
        }
    }

    /** One read of the realm: records everyone listed with their roles, then takes the roles of who is no longer listed. */
    void read() throws IOException, InterruptedException {
        Instant readAt = StoredTime.now(clock);
        String token = token();
        String admin = security.issuerUri().replaceFirst("/realms/", "/admin/realms/");
        Map<String, Listed> listed = new LinkedHashMap<>();
        List<String> roleSources = roleSources(admin, token);
        for (Role role : Role.values()) {
            for (String source : roleSources) {
                readRole(source + "/roles/" + role.group() + "/users", token, role, listed);
            }
        }
        for (Listed person : listed.values()) {
            identities.remember(person.id, person.firstName, person.lastName, person.email,
                    person.roles.stream().map(Role::group).toList());
        }
        people.listed(listed.keySet(), readAt);
        for (Person gone : people.unlistedSince(readAt)) {
            identities.remember(gone.getId(), gone.getDisplayName(), "", gone.getEmail(), List.of());
        }
        if (listed.size() != lastCount) {
            log.info("Read {} people with a Tandem role from the Keycloak directory", listed.size());
            lastCount = listed.size();
        }
    }

    /** The realm's roles, and the roles of each role client (by its internal id). */
    private List<String> roleSources(String admin, String token) throws IOException, InterruptedException {
        List<String> sources = new ArrayList<>(List.of(admin));
        for (String clientId : security.effectiveRoleClients()) {
            JsonNode clients = get(admin + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), token);
            if (clients != null && clients.size() == 1) {
                sources.add(admin + "/clients/" + clients.get(0).path("id").asText());
            }
        }
        return sources;
    }

    private void readRole(String usersOfRole, String token, Role role, Map<String, Listed> listed)
            throws IOException, InterruptedException {
        for (int first = 0; ; first += PAGE) {
            JsonNode users = get(usersOfRole + "?first=" + first + "&max=" + PAGE, token);
            if (users == null) {
                return; // the role does not exist there
            }
            for (JsonNode user : users) {
                if (user.path("enabled").asBoolean(true)) {
                    listed.computeIfAbsent(user.path("username").asText(), id -> new Listed(id, text(user, "firstName"),
                            text(user, "lastName"), text(user, "email"))).roles.add(role);
                }
            }
            if (users.size() < PAGE) {
                return;
            }
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(properties.clientSecret() == null ? "" : properties.clientSecret(),
                StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(security.issuerUri()
                        + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint answered " + response.statusCode() + " for client " + properties.clientId());
        }
        return json.readTree(response.body()).path("access_token").asText();
    }

    /** The JSON at this admin URL, or null when it is not there (404). */
    private JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak's admin API answered " + response.statusCode() + " for " + url);
        }
        return json.readTree(response.body());
    }

    private static String text(JsonNode user, String field) {
        return user.hasNonNull(field) ? user.get(field).asText() : "";
    }

    private static final class Listed {
        final String id;
        final String firstName;
        final String lastName;
        final String email;
        final Set<Role> roles = EnumSet.noneOf(Role.class);

        Listed(String id, String firstName, String lastName, String email) {
            this.id = id;
            this.firstName = firstName;
            this.lastName = lastName;
            this.email = email.isEmpty() ? null : email;
        }
    }
}
