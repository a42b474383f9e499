package io.tandem.graphql;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most a set number of GraphQL HTTP requests run at once; the others wait their turn in arrival order. With
 * every request it gets running at once, a busy server shares its cores among all of them, so each one's
 * database round trips wait behind the others' work and the slowest requests take twice as long as the median
 * (BENCHMARKS.md, "Admission"). A request that waits longer than {@code maxWait} is refused with HTTP 503, a
 * Retry-After header and a GraphQL-shaped JSON body (classification SERVER_BUSY), having done nothing. The
 * queue's length and the refusals are metrics: tandem_graphql_requests_waiting, tandem_graphql_requests_refused_total.
 * Subscriptions over server-sent events are not counted: they stay open as long as their subscriber listens.
 */
class ConcurrencyLimit extends OncePerRequestFilter implements MeterBinder {

    private final Semaphore permits;
    private final int limit;
    private final Duration maxWait;
    private final LongAdder refused = new LongAdder();

    ConcurrencyLimit(int limit, Duration maxWait) {
        this.permits = new Semaphore(limit, true);
        this.limit = limit;
        this.maxWait = maxWait;
    }

    /** The default: two per core, so that a core has work while one request waits for the database. */
    static int defaultLimit() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    /** Requests waiting for their turn now (an estimate while threads come and go). */
    int waiting() {
        return permits.getQueueLength();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tandem.graphql.requests.waiting", this, ConcurrencyLimit::waiting)
                .description("GraphQL requests waiting for their turn to run").register(registry);
        FunctionCounter.builder("tandem.graphql.requests.refused", refused, LongAdder::sum)
                .description("GraphQL requests refused with SERVER_BUSY after the longest wait").register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refused.increment();
            refuse(response);
            return;
        }
        Release release = new Release();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // the response is written later, on another thread: the permit is held until then
                request.getAsyncContext().addListener(release);
            } else {
                release.run();
            }
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"errors\":[{\"message\":\"The server is running " + limit
                + " GraphQL requests and this one waited " + maxWait.toMillis()
                + " ms for its turn; try again\",\"extensions\":{\"classification\":\""
                + GraphQlLimits.Exceeded.SERVER_BUSY + "\"}}]}");
    }

    /** Gives the permit back once, however the request ends. */
    private final class Release implements AsyncListener, Runnable {

        private final AtomicBoolean released = new AtomicBoolean();

        @Override
        public void run() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            run();
        }

        @Override
        public void onError(AsyncEvent event) {
            run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the request went async again: still one request, so it keeps its permit until the new context ends
            event.getAsyncContext().addListener(this);
        }
    }
}
