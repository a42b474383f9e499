package io.tandem.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.decision.DecisionRecorded;
import io.tandem.decision.Gate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code tandem.gates{gate, result}}: every gate passed or refused appends exactly one entry to the decision
 * log (GateRules), so this listens to the log's appends instead of hooking into the gate rules. Counted per
 * replica once the transaction has committed (a refused or conflicting mutation rolls back and is never counted);
 * sum over replicas in Prometheus.
 */
@Component
class GateMetrics {

    static final String NAME = "tandem.gates";
    static final String PASSED = "passed";
    static final String REFUSED = "refused";

    /** Entries written when a sign-off requested changes: the gate was refused and the bet goes back. */

    private final Map<Gate, Counter> passed = new EnumMap<>(Gate.class);
    private final Map<Gate, Counter> refused = new EnumMap<>(Gate.class);

    GateMetrics(MeterRegistry registry) {
        // registered up front, so a dashboard shows 0 rather than no series before the first sign-off
        for (Gate gate : Gate.values()) {
            passed.put(gate, counter(registry, gate, PASSED));
            refused.put(gate, counter(registry, gate, REFUSED));
        }
    }

    private static Counter counter(MeterRegistry registry, Gate gate, String result) {
        return Counter.builder(NAME).description("Gates passed (both sides approved) or refused (changes requested)")
                .tag("gate", gate.name()).tag("result", result).register(registry);
    }

    @TransactionalEventListener
    void appended(DecisionRecorded entry) {
        // entries of no gate: a correction recorded alone, edits, hand-overs, operators' repairs
        if (entry.gate() == null) {
            return;
        }
        (entry.kind().refusesAGate() ? refused : passed).get(entry.gate()).increment();
    }
}
