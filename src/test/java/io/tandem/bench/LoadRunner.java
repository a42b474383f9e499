package io.tandem.bench;

import io.tandem.support.StatementCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: {@code clients} threads each call their step back to back (no think time) for a
 * warm-up, then for the measured period; every measured step's latency goes into an HdrHistogram.
 */
public final class LoadRunner {

    /** One client's next request. Returns how many "units" it completed (for example a finished lifecycle). */
    @FunctionalInterface
    public interface Step {
        int run() throws Exception;
    }

    /** What a run measured: requests, errors, units (scenario-defined), throughput and latency percentiles. */
    public record Measured(String name, int clients, double seconds, long requests, long errors, long units,
                           double requestsPerSecond, double unitsPerSecond, double p50, double p95, double p99, double max,
                           double mean, String firstError, String loadAverage) {
    }

    /** The 1-minute load average now: the machine may be shared, and a busy neighbour shows here. */
    public static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private LoadRunner() {
    }

    /** The machine may be shared: before measuring, wait (at most {@code maxWait}) for the load average to fall below this. */
    static volatile double quietLoad = Double.MAX_VALUE;
    static volatile Duration quietWait = Duration.ZERO;

    public static void awaitQuiet() {
        long deadline = System.nanoTime() + quietWait.toNanos();
        boolean said = false;
        while (System.nanoTime() < deadline) {
            double load;
            try {
                load = Double.parseDouble(loadAverage());
            } catch (NumberFormatException e) {
                return;
            }
            if (load < quietLoad) {
                return;
            }
            if (!said) {
                System.out.printf("[bench] load average %.2f ≥ %.2f: waiting up to %s for the machine to quieten%n", load, quietLoad, quietWait);
                said = true;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Set as soon as the JVM is asked to stop. The clients end their loops then: otherwise they went on sending requests
     * to a server in its shutdown for over a minute, and spoiled the first figures of the next run.
     */
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "bench-stop"));
    }

    /** Runs the clients on uncounted connections: statement counts are measured apart, one request at a time. */
    public static Measured run(String name, int clients, Duration warmup, Duration measure, IntFunction<Step> clientFactory) {
        return StatementCounter.bypassed(() -> load(name, clients, warmup, measure, clientFactory));
    }

    private static Measured load(String name, int clients, Duration warmup, Duration measure, IntFunction<Step> clientFactory) {
        awaitQuiet();
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong units = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        String[] firstError = new String[1];
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + measure.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Histogram histogram = new Histogram(3_600_000_000_000L, 3);
            histograms.add(histogram);
            Step step = clientFactory.apply(c);
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= measureTo || stopping) {
                            break;
                        }
                        int completed;
                        boolean failed = false;
                        try {
                            completed = step.run();
                        } catch (Exception | AssertionError e) {
                            completed = 0;
                            failed = true;
                            synchronized (firstError) {
                                if (firstError[0] == null) {
                                    firstError[0] = e.toString();
                                }
                            }
                        }
                        long t1 = System.nanoTime();
                        // a request counts when it starts inside the measured period; no request starts after it
                        if (t0 >= measureFrom) {
                            lastEnd.accumulateAndGet(t1, Math::max);
                            if (failed) {
                                errors.incrementAndGet();
                            } else {
                                histogram.recordValue(t1 - t0);
                                requests.incrementAndGet();
                                units.addAndGet(completed);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-" + name + "-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Histogram all = new Histogram(3_600_000_000_000L, 3);
        histograms.forEach(all::add);
        // the measured period, stretched to the end of the last request that started inside it
        double seconds = Math.max(measureTo, lastEnd.get()) - measureFrom > 0 ? (Math.max(measureTo, lastEnd.get()) - measureFrom) / 1e9
                : measure.toNanos() / 1e9;
        Measured m = new Measured(name, clients, seconds, requests.get(), errors.get(), units.get(),
                requests.get() / seconds, units.get() / seconds,
                ms(all.getValueAtPercentile(50)), ms(all.getValueAtPercentile(95)), ms(all.getValueAtPercentile(99)),
                ms(all.getMaxValue()), all.getMean() / 1e6, firstError[0], loadBefore + " → " + loadAverage());
        HISTOGRAMS.put(m, all);
        if (measure.isZero()) {
            return m;                                           // a warm-up only: nothing was measured
        }
        System.out.printf("[bench] %-28s clients=%-3d %8.1f req/s  p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.1f ms  errors=%d  load %s%s%n",
                name, clients, m.requestsPerSecond(), m.p50(), m.p95(), m.p99(), m.max(), m.errors(), m.loadAverage(),
                m.firstError() == null ? "" : " first: " + m.firstError());
        return m;
    }

    private static final java.util.Map<Measured, Histogram> HISTOGRAMS = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** Several measured slices of one scenario as one figure: requests and errors add up, latencies merge. */
    public static Measured merge(String name, List<Measured> slices) {
        Histogram all = new Histogram(3_600_000_000_000L, 3);
        long requests = 0;
        long errors = 0;
        long units = 0;
        double seconds = 0;
        for (Measured m : slices) {
            all.add(HISTOGRAMS.get(m));
            requests += m.requests();
            errors += m.errors();
            units += m.units();
            seconds += m.seconds();
        }
        Measured merged = new Measured(name, slices.get(0).clients(), seconds, requests, errors, units, requests / seconds, units / seconds,
                ms(all.getValueAtPercentile(50)), ms(all.getValueAtPercentile(95)), ms(all.getValueAtPercentile(99)), ms(all.getMaxValue()),
                all.getMean() / 1e6, null, slices.stream().map(Measured::loadAverage).collect(java.util.stream.Collectors.joining(", ")));
        System.out.printf("[bench] %s: %.1f req/s p50=%.2f p95=%.2f p99=%.2f ms%n", name, merged.requestsPerSecond(), merged.p50(), merged.p95(), merged.p99());
        return merged;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
