package io.tandem.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tandem.decision.Gate;
import io.tandem.lifecycle.BetLifecycle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the engine when Prometheus scrapes: open sign-off tasks per gate
 * ({@code tandem.tasks.open{gate}}), executable and failed jobs ({@code tandem.engine.jobs{state}}) and open
 * incidents ({@code tandem.engine.incidents}). One scrape reads them all at once (one task query grouped
 * here, three counts), not once per gauge and never per bet. They describe the shared database, so every
 * replica reports the same values: aggregate with max, not sum.
 */
@Component
class EngineMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(EngineMetrics.class);
    /** Gauges of one scrape are read within milliseconds; this keeps them to one snapshot. */
    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(1);

    record Snapshot(Instant takenAt, Map<Gate, Long> openTasks, long executableJobs, long failedJobs, long incidents) {
    }

    private final TaskService tasks;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final Clock clock;
    private Snapshot snapshot;

    EngineMetrics(TaskService tasks, ManagementService management, RuntimeService runtime, Clock clock) {
        this.tasks = tasks;
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Gate gate : Gate.values()) {
            gauge(registry, "tandem.tasks.open", "Open sign-off tasks of this gate, over all bets", s -> s.openTasks().get(gate))
                    .tag("gate", gate.name()).register(registry);
        }
        gauge(registry, "tandem.engine.jobs", "Jobs due now with retries left: waiting for or running in a job executor", Snapshot::executableJobs)
                .tag("state", "executable").register(registry);
        gauge(registry, "tandem.engine.jobs", "Jobs whose retries are used up (each has an incident)", Snapshot::failedJobs)
                .tag("state", "failed").register(registry);
        gauge(registry, "tandem.engine.incidents", "Open engine incidents", Snapshot::incidents).register(registry);
    }

    private Gauge.Builder<EngineMetrics> gauge(MeterRegistry registry, String name, String description,
                                               ToDoubleFunction<Snapshot> value) {
        return Gauge.builder(name, this, metrics -> {
            Snapshot current = metrics.current();
            return current == null ? Double.NaN : value.applyAsDouble(current);
        }).description(description);
    }

    synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || snapshot.takenAt().plus(SNAPSHOT_TTL).isBefore(now)) {
            try {
                snapshot = read(now);
            } catch (RuntimeException e) {
                // the database is away: readiness says so; the gauges report NaN rather than failing the scrape
                log.warn("Could not read engine metrics: {}", e.toString());
                return null;
            }
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        Map<Gate, Long> open = new EnumMap<>(Gate.class);
        for (Gate gate : Gate.values()) {
            open.put(gate, 0L);
        }
        String[] signTasks = BetLifecycle.SIGN_STEPS.stream().map(BetLifecycle.SignStep::taskKey).toArray(String[]::new);
        for (Task task : tasks.createTaskQuery().processDefinitionKey(BetLifecycle.PROCESS_KEY).taskDefinitionKeyIn(signTasks).list()) {
            BetLifecycle.signStep(task.getTaskDefinitionKey()).ifPresent(step -> open.merge(step.gate(), 1L, Long::sum));
        }
        return new Snapshot(now, open, management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count(), runtime.createIncidentQuery().count());
    }
}
