package io.tandem.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How many bets have each workflow problem, for the health indicator and the gauges: read from the shared database when
 * asked, so every replica reports the same numbers. A scrape reads its four gauges within milliseconds and a health
 * check may come with it; they share one reading of the database for a second.
 */
@Component
class BrokenWorkflowCounts {

    private static final Logger log = LoggerFactory.getLogger(BrokenWorkflowCounts.class);
    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(1);

    private record Snapshot(Instant takenAt, Map<WorkflowProblem, Long> counts) {
    }

    private final BrokenWorkflowQuery query;
    private final Clock clock;
    private Snapshot snapshot;

    BrokenWorkflowCounts(BrokenWorkflowQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    /** Empty when the database cannot be read: readiness reports that, and these readers show no number. */
    synchronized Optional<Map<WorkflowProblem, Long>> current() {
        Instant now = clock.instant();
        if (snapshot == null || snapshot.takenAt().plus(SNAPSHOT_TTL).isBefore(now)) {
            try {
                snapshot = new Snapshot(now, query.counts());
            } catch (RuntimeException e) {
                log.warn("Could not count broken workflows: {}", e.toString());
                return Optional.empty();
            }
        }
        return Optional.of(snapshot.counts());
    }
}
