package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The directory read from the real Keycloak (people/KeycloakDirectory) through the tandem-directory client's service
 * account: a realm user with a Tandem role is listed, and can lead a bet, before ever signing in; losing the role in
 * Keycloak takes it away in Tandem at the next read.
 */
@TestPropertySource(properties = {
        "operaton.bpm.process-engine-name=keycloakDirectory",
        "tandem.directory.keycloak.enabled=true",
        "tandem.directory.keycloak.client-secret=tandem-directory-secret",
        "tandem.directory.keycloak.refresh=1s"
})
class KeycloakDirectoryTest extends KeycloakTestBase {

    @Test
    void listsRealmUsersWithATandemRoleWhoNeverSignedInAndFollowsTheirRoles() {
        String newcomer = "nina" + System.nanoTime();
        keycloak.create("/tandem/users", Map.of("username", newcomer, "enabled", true, "firstName", "Nina",
                "lastName", "Newcomer", "email", newcomer + "@tandem.example"));
        String id = keycloak.get("/tandem/users?username=" + newcomer + "&exact=true").get(0).path("id").asText();
        JsonNode product = keycloak.get("/tandem/roles/product");
        keycloak.create("/tandem/users/" + id + "/role-mappings/realm", List.of(product));
        String token = keycloak.passwordToken("tandem", WEB, "priya");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(person(token, newcomer).path("roles").toString())
                .isEqualTo("[\"PRODUCT\"]"));
        JsonNode listed = person(token, newcomer);
        assertThat(listed.path("name").asText()).isEqualTo("Nina Newcomer");
        assertThat(listed.path("email").asText()).isEqualTo(newcomer + "@tandem.example");
        assertThat(listed.path("listedAt").isNull()).isFalse();

        JsonNode created = body(token, "mutation { createBet(input: {title: \"Led by a newcomer\", productLead: \"" + newcomer
                + "\"}) { bet { productLead } userErrors { code } } }");
        assertThat(created.path("data").path("createBet").path("bet").path("productLead").asText()).isEqualTo(newcomer);

        keycloak.delete("/tandem/users/" + id + "/role-mappings/realm", List.of(product));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(person(token, newcomer).path("roles").toString())
                .isEqualTo("[]"));
        JsonNode refused = body(token, "mutation { createBet(input: {title: \"Led by someone without the role\", productLead: \""
                + newcomer + "\"}) { bet { id } userErrors { code } } }");
        assertThat(refused.path("data").path("createBet").path("userErrors").get(0).path("code").asText()).isEqualTo("WRONG_ROLE");
    }

    private JsonNode person(String token, String userId) {
        JsonNode people = body(token, "{ people(search: \"" + userId + "\") { nodes { id name email roles listedAt } } }")
                .path("data").path("people").path("nodes");
        return people.size() == 1 ? people.get(0) : MissingNode.getInstance();
    }
}
