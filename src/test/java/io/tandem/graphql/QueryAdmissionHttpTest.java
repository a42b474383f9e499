package io.tandem.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admission in the running server: while every turn is taken, a query over HTTP waits (and holds no
 * connection), a mutation goes through, and the query is answered as soon as a turn is free.
 */
class QueryAdmissionHttpTest extends GraphQlTestBase {

    @Autowired
    private QueryAdmission admission;

    @Autowired
    private GraphQlLimitsProperties limits;

    @Test
    void aQueryWaitsForAFreeTurnWhileAMutationGoesThrough() throws Exception {
        int turns = limits.concurrentQueries();
        for (int i = 0; i < turns; i++) {
            assertThat(admission.enter()).isTrue();
        }
        CompletableFuture<String> query;
        String created;
        try {
            query = CompletableFuture.supplyAsync(() -> as("priya").document("{ viewer { id } }").execute()
                    .path("viewer.id").entity(String.class).get());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (admission.waiting() == 0) {
                assertThat(System.nanoTime()).as("the query reached the queue within 10 s").isLessThan(deadline);
                Thread.sleep(5);
            }

            created = driver.createBet("priya");

            Thread.sleep(200);
            assertThat(query).as("the query, while every turn is taken").isNotDone();
        } finally {
            for (int i = 0; i < turns; i++) {
                admission.leave();
            }
        }
        assertThat(created).as("the mutation, while every turn was taken").isNotBlank();
        assertThat(query.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)).isNotBlank();
        assertThat(admission.waiting()).isZero();
    }
}
