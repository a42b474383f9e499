package io.tandem.operations;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The health component {@code betWorkflows}: UP when every bet that is not CLOSED has a workflow that can move it on,
 * DEGRADED with how many bets have each problem otherwise (counts only: which bets, and why, are in GraphQL's
 * workflowProblems). DEGRADED is a status of its own, between OUT_OF_SERVICE and UP (application.yml), answered with
 * HTTP 200: a broken bet is for an operator to repair and must never take a replica out of service. The component is
 * in neither the readiness nor the liveness group.
 */
@Component("betWorkflows")
class WorkflowHealthIndicator implements HealthIndicator {

    private static final Status DEGRADED = new Status("DEGRADED", "Some bets' workflows cannot move them on");

    private final BrokenWorkflowCounts counts;

    WorkflowHealthIndicator(BrokenWorkflowCounts counts) {
        this.counts = counts;
    }

    @Override
    public Health health() {
        return counts.current().map(WorkflowHealthIndicator::of)
                .orElseGet(() -> Health.unknown().withDetail("error", "the database could not be read").build());
    }

    private static Health of(Map<WorkflowProblem, Long> broken) {
        long total = broken.values().stream().mapToLong(Long::longValue).sum();
        Health.Builder health = total == 0 ? Health.up() : Health.status(DEGRADED);
        health.withDetail("broken", total);
        broken.forEach((problem, bets) -> health.withDetail(problem.name().toLowerCase(Locale.ROOT), bets));
        return health.build();
    }
}
