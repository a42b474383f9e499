package io.tandem.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The admission filter on /graphql, with real threads: how many run, in what order, and what a refusal says. */
class ConcurrencyLimitTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void runsAtMostTheLimitAtOnceAndAdmitsTheRestAsRequestsFinish() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(2, LONG);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        FilterChain work = (req, res) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            await(finish);
            running.decrementAndGet();
        };

        List<CompletableFuture<MockHttpServletResponse>> requests = List.of(
                send(limit, work), send(limit, work), send(limit, work), send(limit, work), send(limit, work));
        waitUntil(() -> running.get() == 2);
        Thread.sleep(200);
        assertThat(running.get()).as("requests past the filter while two run").isEqualTo(2);

        finish.countDown();
        for (CompletableFuture<MockHttpServletResponse> request : requests) {
            assertThat(request.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void admitsWaitingRequestsInTheOrderTheyArrived() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, LONG);
        CountDownLatch holderIn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> holder = send(limit, (req, res) -> {
            holderIn.countDown();
            await(release);
        });
        await(holderIn);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<MockHttpServletResponse> first = send(limit, (req, res) -> order.add("first"));
        waitUntil(() -> limit.waiting() == 1);
        CompletableFuture<MockHttpServletResponse> second = send(limit, (req, res) -> order.add("second"));
        waitUntil(() -> limit.waiting() == 2);

        release.countDown();
        CompletableFuture.allOf(holder, first, second).get(10, TimeUnit.SECONDS);
        assertThat(order).containsExactly("first", "second");
    }

    @Test
    void refusesARequestThatWaitedTooLongWithServiceUnavailableAndDoesNotRunIt() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, Duration.ofMillis(100));
        CountDownLatch holderIn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> holder = send(limit, (req, res) -> {
            holderIn.countDown();
            await(release);
        });
        await(holderIn);
        AtomicInteger ranLate = new AtomicInteger();

        MockHttpServletResponse refused = send(limit, (req, res) -> ranLate.incrementAndGet()).get(10, TimeUnit.SECONDS);

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/json");
        JsonNode error = new ObjectMapper().readTree(refused.getContentAsString()).path("errors").get(0);
        assertThat(error.path("extensions").path("classification").asText()).isEqualTo("SERVER_BUSY");
        assertThat(error.path("message").asText())
                .isEqualTo("The server is running 1 GraphQL requests and this one waited 100 ms for its turn; try again");
        assertThat(ranLate.get()).isZero();

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(send(limit, (req, res) -> ranLate.incrementAndGet()).get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(ranLate.get()).as("a refusal gave back no permit it did not take").isEqualTo(1);
    }

    @Test
    void anAsyncRequestKeepsItsTurnUntilItsResponseIsComplete() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, Duration.ofMillis(200));
        MockHttpServletRequest async = new MockHttpServletRequest("POST", "/graphql");
        async.setAsyncSupported(true);
        limit.doFilter(async, new MockHttpServletResponse(), (req, res) -> req.startAsync());

        MockHttpServletResponse whileWriting = send(limit, (req, res) -> { }).get(10, TimeUnit.SECONDS);
        ((MockAsyncContext) async.getAsyncContext()).complete();
        MockHttpServletResponse afterwards = send(limit, (req, res) -> { }).get(10, TimeUnit.SECONDS);

        assertThat(whileWriting.getStatus()).isEqualTo(503);
        assertThat(afterwards.getStatus()).isEqualTo(200);
    }

    @Test
    void aSubscriptionOverServerSentEventsDoesNotTakeATurn() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, Duration.ofMillis(200));
        MockHttpServletRequest subscription = new MockHttpServletRequest("POST", "/graphql");
        subscription.addHeader("Accept", "text/event-stream");
        subscription.setAsyncSupported(true);
        limit.doFilter(subscription, new MockHttpServletResponse(), (req, res) -> req.startAsync());

        assertThat(send(limit, (req, res) -> { }).get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    private static CompletableFuture<MockHttpServletResponse> send(ConcurrencyLimit limit, FilterChain chain) {
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                limit.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        }, runnable -> new Thread(runnable).start());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
