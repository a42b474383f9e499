package io.tandem.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The queries' admission, with real threads: how many run at once, in what order, and what a refusal says. */
class QueryAdmissionTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void runsAtMostTheLimitAtOnceAndAdmitsTheRestAsQueriesFinish() throws Exception {
        QueryAdmission admission = new QueryAdmission(2, LONG);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Runnable query = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            waitFor(finish);
            running.decrementAndGet();
        };

        List<CompletableFuture<Boolean>> queries = List.of(run(admission, query), run(admission, query),
                run(admission, query), run(admission, query), run(admission, query));
        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2 && admission.waiting() == 3);
        Thread.sleep(200);
        assertThat(running.get()).as("queries running while two hold their turns").isEqualTo(2);

        finish.countDown();
        for (CompletableFuture<Boolean> admitted : queries) {
            assertThat(admitted.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(mostAtOnce.get()).isEqualTo(2);
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void admitsWaitingQueriesInTheOrderTheyArrived() throws Exception {
        QueryAdmission admission = new QueryAdmission(1, LONG);
        assertThat(admission.enter()).as("this test holds the only turn").isTrue();
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> first = run(admission, () -> order.add("first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.waiting() == 1);
        CompletableFuture<Boolean> second = run(admission, () -> order.add("second"));
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.waiting() == 2);

        admission.leave();
        CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void refusesAQueryThatWaitedTooLongWithOneServerBusyErrorAndDoesNotRunIt() throws Exception {
        QueryAdmission admission = new QueryAdmission(1, Duration.ofMillis(100));
        assertThat(admission.enter()).as("this test holds the only turn").isTrue();
        AtomicInteger ran = new AtomicInteger();

        assertThat(run(admission, ran::incrementAndGet).get(10, TimeUnit.SECONDS)).as("admitted").isFalse();
        ExecutionResult refusal = admission.refusal();

        assertThat(ran.get()).isZero();
        assertThat((Object) refusal.getData()).isNull();
        assertThat(refusal.getErrors()).extracting(GraphQLError::getMessage)
                .containsExactly("The server is running 1 queries and this one waited 100 ms for its turn; try again");
        assertThat(refusal.toSpecification()).extractingByKey("errors").asList().first()
                .extracting("extensions").extracting("classification").isEqualTo("SERVER_BUSY");

        admission.leave();
        assertThat(run(admission, ran::incrementAndGet).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.get()).as("a refusal gave back no turn it did not take").isEqualTo(1);
    }

    /** A query as ReadOnlyQueryExecution runs one: enter, work, leave; completes with whether it was admitted. */
    private static CompletableFuture<Boolean> run(QueryAdmission admission, Runnable query) {
        CompletableFuture<Boolean> admitted = new CompletableFuture<>();
        new Thread(() -> {
            if (!admission.enter()) {
                admitted.complete(false);
                return;
            }
            try {
                query.run();
            } finally {
                admission.leave();
            }
            admitted.complete(true);
        }).start();
        return admitted;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
