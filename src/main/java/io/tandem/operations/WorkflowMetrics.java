package io.tandem.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code tandem.bets.workflow.broken{problem}}: bets that are not CLOSED whose workflow is GONE, STUCK, SUSPENDED or
 * has an INCIDENT, read from the shared database at scrape time (BrokenWorkflowCounts). Every replica reports the same
 * values: aggregate with max, not sum.
 */
@Component
class WorkflowMetrics implements MeterBinder {

    private final BrokenWorkflowCounts counts;

    WorkflowMetrics(BrokenWorkflowCounts counts) {
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (WorkflowProblem problem : WorkflowProblem.values()) {
            Gauge.builder("tandem.bets.workflow.broken", counts,
                            c -> c.current().map(broken -> (double) broken.get(problem)).orElse(Double.NaN))
                    .description("Bets not CLOSED whose workflow cannot move them on, by problem")
                    .tag("problem", problem.name()).register(registry);
        }
    }
}
