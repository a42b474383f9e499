package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.graphql.GlobalId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tandem against a real Keycloak server (the Maven Central distribution, with the repository's realm):
 * real tokens in, the role rules applied, and every kind of bad token refused with 401.
 */
class KeycloakEndToEndTest extends KeycloakTestBase {

    @BeforeAll
    static void testClientsAndAnotherRealm() {
        // a client whose tokens are not meant for Tandem (no tandem-api audience)
        keycloak.create("/tandem/clients", Map.of("clientId", "another-app", "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false));
        // a client whose tokens live two seconds
        keycloak.createShortLivedClient("short-lived", 2);
        // another application of the same realm, with a client role of its own called admin, held by paul
        keycloak.create("/tandem/clients", Map.of("clientId", "wiki", "publicClient", true, "standardFlowEnabled", false));
        String wiki = keycloak.get("/tandem/clients?clientId=wiki").get(0).path("id").asText();
        keycloak.create("/tandem/clients/" + wiki + "/roles", Map.of("name", "admin"));
        String paul = keycloak.get("/tandem/users?username=paul&exact=true").get(0).path("id").asText();
        keycloak.create("/tandem/users/" + paul + "/role-mappings/clients/" + wiki,
                List.of(keycloak.get("/tandem/clients/" + wiki + "/roles/admin")));
        // another issuer with a user of the same name and role
        keycloak.createLookAlikeRealm("elsewhere", WEB);
    }

    @Test
    void productUserSignedInWithKeycloakOpensABetUnderTheirOwnName() {
        String token = keycloak.passwordToken("tandem", WEB, "priya");
        JsonNode viewer = graphql(token, "{ viewer { id name roles } }").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("data").path("viewer");
        assertThat(viewer.path("id").asText()).isEqualTo("priya");
        assertThat(viewer.path("name").asText()).isEqualTo("Priya Patel");
        assertThat(viewer.path("roles").toString()).isEqualTo("[\"PRODUCT\"]");

        JsonNode created = body(token, "mutation { createBet(input: {title: \"Signed in with Keycloak\"}) { bet { createdBy stage } userErrors { code } } }");
        assertThat(created.path("data").path("createBet").path("bet").path("createdBy").asText()).isEqualTo("priya");
    }

    @Test
    void leadershipTokenMayReadButNotOpenBets() {
        String token = keycloak.passwordToken("tandem", WEB, "lena");
        assertThat(body(token, "{ bets(first: 1) { totalCount } }").path("errors").isMissingNode()).isTrue();
        JsonNode refused = body(token, "mutation { createBet(input: {title: \"Nope\"}) { bet { id } userErrors { code } } }");
        assertThat(refused.path("errors").get(0).path("extensions").path("classification").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void integrationClientCredentialsReadAndRecordReadingsButNeverWriteAnythingElse() {
        String token = keycloak.clientCredentialsToken("tandem", "tandem-integration", "tandem-integration-secret");
        JsonNode viewer = body(token, "{ viewer { roles } bets(first: 1) { totalCount } }");
        assertThat(viewer.path("data").path("viewer").path("roles").toString())
                .isEqualTo("[\"INTEGRATION\",\"INTEGRATION_METRICS\"]");
        JsonNode refused = body(token, "mutation { createBet(input: {title: \"Nope\"}) { bet { id } userErrors { code } } }");
        assertThat(refused.path("errors").get(0).path("extensions").path("classification").asText()).isEqualTo("FORBIDDEN");
        // the scope lets the call past the role check: what is left is the bet's own rule (no such bet here)
        JsonNode reading = body(token, "mutation { recordMetricReading(input: {betId: \"" + GlobalId.of("Bet", UUID.randomUUID())
                + "\", metric: \"checkout conversion\", value: 2.5, source: \"Amplitude\", clientKey: \"k1\"}) "
                + "{ reading { value } userErrors { code } } }");
        assertThat(reading.path("errors").isMissingNode()).as(reading.toString()).isTrue();
        assertThat(reading.path("data").path("recordMetricReading").path("userErrors").get(0).path("code").asText())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void anotherClientsAdminRoleDoesNotMakeATandemAdmin() {
        String token = keycloak.passwordToken("tandem", WEB, "paul");
        assertThat(decode(token.split("\\.")[1])).as("the token carries the wiki's admin role")
                .contains("\"wiki\":{\"roles\":[\"admin\"]}");
        JsonNode viewer = body(token, "{ viewer { roles } }");
        assertThat(viewer.path("data").path("viewer").path("roles").toString()).isEqualTo("[\"PRODUCT\"]");
    }

    @Test
    void refusesARequestWithoutAToken() {
        client().post().uri("/graphql").bodyValue(Map.of("query", "{ viewer { id } }")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesTheDemoUsersOnceKeycloakIsConfigured() {
        client().post().uri("/graphql").headers(h -> h.setBasicAuth("priya", "priya"))
                .bodyValue(Map.of("query", "{ viewer { id } }")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnExpiredToken() throws InterruptedException {
        String token = keycloak.passwordToken("tandem", "short-lived", "priya");
        graphql(token, "{ viewer { id } }").expectStatus().isOk();
        Thread.sleep(Duration.ofSeconds(4).toMillis());
        graphql(token, "{ viewer { id } }").expectStatus().isUnauthorized();
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        graphql(keycloak.passwordToken("elsewhere", WEB, "priya"), "{ viewer { id } }").expectStatus().isUnauthorized();
    }

    @Test
    void refusesATokenMeantForAnotherAudience() {
        graphql(keycloak.passwordToken("tandem", "another-app", "priya"), "{ viewer { id } }").expectStatus().isUnauthorized();
    }

    @Test
    void refusesATokenWhosePayloadWasTamperedWith() {
        String[] parts = keycloak.passwordToken("tandem", WEB, "lena").split("\\.");
        String payload = decode(parts[1]).replace("\"leadership\"", "\"product\"");
        assertThat(payload).contains("\"product\"");
        graphql(parts[0] + "." + encode(payload) + "." + parts[2], "{ viewer { id } }").expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnUnsignedTokenWithAlgNone() {
        String[] parts = keycloak.passwordToken("tandem", WEB, "priya").split("\\.");
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        graphql(unsigned, "{ viewer { id } }").expectStatus().isUnauthorized();
    }

    @Test
    void acceptsTokensSignedWithANewKeyAfterTheRealmRotatesItsKeys() {
        String before = keycloak.passwordToken("tandem", WEB, "erin");
        graphql(before, "{ viewer { id } }").expectStatus().isOk();

        String realmId = keycloak.get("/tandem").path("id").asText();
        keycloak.create("/tandem/components", Map.of("name", "rotated-" + System.nanoTime(), "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of("1000"), "active", List.of("true"), "enabled", List.of("true"),
                        "algorithm", List.of("RS256"))));
        String after = keycloak.passwordToken("tandem", WEB, "erin");
        assertThat(keyId(after)).isNotEqualTo(keyId(before));
        JsonNode viewer = body(after, "{ viewer { id } }");
        assertThat(viewer.path("data").path("viewer").path("id").asText()).isEqualTo("erin");
    }

    private static String keyId(String token) {
        return decode(token.split("\\.")[0]).replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
