package io.tandem.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.support.Keycloak;
import io.tandem.support.KeycloakServer;
import io.tandem.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Tandem configured for the real test Keycloak (issuer, audience tandem-api, no clock skew), in its own
 * application context. The engine gets its own name so it does not clash with the other tests' engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "operaton.bpm.process-engine-name=" + KeycloakTestBase.ENGINE,
        "operaton.bpm.job-execution.enabled=false",
        "spring.graphql.graphiql.enabled=false",
        "tandem.security.audience=tandem-api",
        "tandem.security.clock-skew=0s",
        "tandem.security.webapp-client-secret=tandem-camunda-secret",
        // only webhook/WebhookDeliveryTest's context sends webhooks: every context uses one database
        "tandem.webhooks.send-every=1h"
})
abstract class KeycloakTestBase {

    static final String ENGINE = "keycloakEndToEnd";
    static final String WEB = "tandem-web";
    static Keycloak keycloak;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tandem.security.issuer-uri", () -> KeycloakServer.get().issuer());
    }

    @BeforeAll
    static void keycloak() {
        keycloak = new Keycloak(KeycloakServer.get());
    }

    WebTestClient.ResponseSpec graphql(String token, String query) {
        return client().post().uri("/graphql").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("query", query)).exchange();
    }

    JsonNode body(String token, String query) {
        return graphql(token, query).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }
}
