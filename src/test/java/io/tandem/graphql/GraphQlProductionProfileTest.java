package io.tandem.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.introspection.Introspection;
import io.tandem.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The production profile (SPRING_PROFILES_ACTIVE=production): no introspection and no GraphiQL, while
 * ordinary queries and __typename still work. Its own application context, so its engine gets its own name
 * and no job executor next to the shared test context's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "operaton.bpm.process-engine-name=productionProfileCheck",
        "operaton.bpm.job-execution.enabled=false",
        // the tests' key (TandemTest), created if this context starts first: the profile alone would refuse to start
        "tandem.checkpoints.key-file=target/test-checkpoint-key",
        "tandem.checkpoints.create-missing-key=true"
})
@ActiveProfiles("production")
@DirtiesContext
class GraphQlProductionProfileTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** Spring Boot turns introspection off for the whole JVM; the other test contexts keep theirs. */
    @AfterAll
    static void restoreIntrospection() {
        Introspection.enabledJvmWide(true);
    }

    @Test
    void refusesIntrospectionButAnswersQueries() {
        JsonNode introspection = post("{ __schema { queryType { name } } }");
        JsonNode query = post("{ __typename viewer { id } }");

        assertThat(introspection.path("errors")).as(introspection.toString()).hasSize(1);
        assertThat(introspection.path("errors").get(0).path("extensions").path("classification").asText()).isEqualTo("IntrospectionDisabled");
        assertThat(introspection.path("errors").get(0).path("message").asText()).isEqualTo("Introspection has been disabled for this request");
        assertThat(introspection.path("data").path("__schema").isMissingNode() || introspection.path("data").path("__schema").isNull()).isTrue();
        assertThat(query.path("errors").isMissingNode()).as(query.toString()).isTrue();
        assertThat(query.path("data").path("viewer").path("id").asText()).isEqualTo("priya");
        assertThat(query.path("data").path("__typename").asText()).isEqualTo("Query");
    }

    @Test
    void servesNoGraphiQL() {
        client().get().uri("/graphiql").exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("Exception").doesNotContainIgnoringCase("graphiql.min"));
    }

    private JsonNode post(String document) {
        return client().post().uri("/graphql").headers(headers -> headers.setBasicAuth("priya", "priya"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", document))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }
}
