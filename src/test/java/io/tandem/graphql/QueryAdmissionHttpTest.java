package io.tandem.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.GraphQlTestBase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The admission in the running server: while every turn is taken, a query over HTTP waits (and holds no
 * connection), a mutation goes through, and the query is answered as soon as a turn is free; a query that waits
 * longer than the longest wait (10 s by default) gets one SERVER_BUSY error and no data, with status 503 and
 * Retry-After.
 */
class QueryAdmissionHttpTest extends GraphQlTestBase {

    @Autowired
    private QueryAdmission admission;

    @Autowired
    private GraphQlLimitsProperties limits;

    @Test
    void aQueryWaitsForAFreeTurnWhileAMutationGoesThrough() throws Exception {
        int turns = takeEveryTurn();
        CompletableFuture<String> query;
        String created;
        try {
            query = CompletableFuture.supplyAsync(() -> as("priya").document("{ viewer { id } }").execute()
                    .path("viewer.id").entity(String.class).get());
            await("the query reached the queue").atMost(Duration.ofSeconds(10)).until(() -> admission.waiting() > 0);

            created = driver.createBet("priya");

            Thread.sleep(200);
            assertThat(query).as("the query, while every turn is taken").isNotDone();
        } finally {
            giveBack(turns);
        }
        assertThat(created).as("the mutation, while every turn was taken").isNotBlank();
        assertThat(query.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)).isNotBlank();
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void aQueryThatWaitedLongerThanTheLongestWaitGetsOneServerBusyErrorNoDataAnd503() throws Exception {
        int turns = takeEveryTurn();
        String body;
        long started = System.nanoTime();
        try {
            body = http().post().uri("/graphql").headers(headers -> headers.setBasicAuth("priya", "priya"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\": \"{ viewer { id } }\"}")
                    .exchange().expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "1")
                    .expectBody(String.class).returnResult().getResponseBody();
        } finally {
            giveBack(turns);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        JsonNode response = new ObjectMapper().readTree(body);
        assertThat(response.path("data").isNull() || response.path("data").isMissingNode()).as(body).isTrue();
        assertThat(response.path("errors")).hasSize(1);
        JsonNode error = response.path("errors").get(0);
        assertThat(error.path("extensions").path("classification").textValue()).isEqualTo("SERVER_BUSY");
        assertThat(error.path("message").textValue()).isEqualTo("The server is running " + turns
                + " queries and this one waited 10000 ms for its turn; try again");
        assertThat(waited).isGreaterThanOrEqualTo(limits.maxQueueWait());
    }

    /** Takes every turn the server has, as running queries would; returns how many. */
    private int takeEveryTurn() {
        int turns = limits.concurrentQueries();
        for (int i = 0; i < turns; i++) {
            assertThat(admission.enter()).isTrue();
        }
        return turns;
    }

    private void giveBack(int turns) {
        for (int i = 0; i < turns; i++) {
            admission.leave();
        }
    }
}
