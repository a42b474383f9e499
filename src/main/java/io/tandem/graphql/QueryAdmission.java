package io.tandem.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * At most a set number of GraphQL queries run at once; the others wait their turn in arrival order, before they
 * take a connection. Letting every query run at once, a busy server shares its cores among all of them, so each
 * query's database round trips wait behind the others' work and the slowest queries took twice as long as the
 * median (BENCHMARKS.md, "Admission"). A query that waits longer than {@code maxWait} is answered with one error,
 * classification SERVER_BUSY, and no data; over HTTP with status 503 and {@code Retry-After} (GraphQlJsonHttpHandler), so
 * a load balancer or client sees the refusal without reading the body. Mutations are not queued: they take row locks, and one waiting for a
 * lock would hold a turn that queries need. The queue's length and the refusals are metrics:
 * tandem_graphql_queries_waiting, tandem_graphql_queries_refused_total.
 */
public final class QueryAdmission implements MeterBinder {

    private final Semaphore turns;
    private final int limit;
    private final Duration maxWait;
    private final LongAdder refused = new LongAdder();

    QueryAdmission(int limit, Duration maxWait) {
        this.turns = new Semaphore(limit, true);
        this.limit = limit;
        this.maxWait = maxWait;
    }

    /** The default: two per core, so that a core has work while one query waits for the database. */
    static int defaultLimit() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    /** Waits for a turn; false if none came within the longest wait. A true must be followed by {@link #leave()}. */
    public boolean enter() {
        try {
            if (turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refused.increment();
        return false;
    }

    public void leave() {
        turns.release();
    }

    /** The answer to a query that got no turn. */
    public ExecutionResult refusal() {
        return ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                .message("The server is running %d queries and this one waited %d ms for its turn; try again",
                        limit, maxWait.toMillis())
                .errorType(GraphQlLimits.Exceeded.SERVER_BUSY)
                .build()).build();
    }

    /** Whether a result is this admission's refusal: no data, and every error SERVER_BUSY. */
    public static boolean isRefusal(ExecutionResult result) {
        return !result.isDataPresent() && !result.getErrors().isEmpty() && result.getErrors().stream()
                .allMatch(error -> error.getErrorType() == GraphQlLimits.Exceeded.SERVER_BUSY);
    }

    /** Queries waiting for their turn now (an estimate while threads come and go). */
    int waiting() {
        return turns.getQueueLength();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tandem.graphql.queries.waiting", this, QueryAdmission::waiting)
                .description("GraphQL queries waiting for their turn to run").register(registry);
        FunctionCounter.builder("tandem.graphql.queries.refused", refused, LongAdder::sum)
                .description("GraphQL queries refused with SERVER_BUSY after the longest wait").register(registry);
    }
}
