package io.tandem.lifecycle;

import io.tandem.brief.ConstraintService;
import io.tandem.brief.TechnicalConstraint.Severity;
import io.tandem.decision.Gate;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which technical constraints hold which gate until product acknowledges them: every constraint holds framing, and a
 * BLOCKING one holds every later stage gate (spike verdict, commitment, delivery, outcome review). Kill, change and
 * escalation gates are never held: killing the bet or changing its scope or window is how a team answers a blocking
 * constraint; nor is the CORRECTION gate, which decides what the log says, not where the bet goes. The sign-off rules (GateRules) and the reopening of a round when a constraint is added
 * (SignOffInvalidation) both ask here.
 */
@Component
class ConstraintHolds {

    private static final Set<Gate> HELD_BY_BLOCKING = EnumSet.of(Gate.FRAMING, Gate.SPIKE, Gate.COMMITMENT, Gate.DELIVERY,
            Gate.OUTCOME_REVIEW);

    private final ConstraintService constraints;

    ConstraintHolds(ConstraintService constraints) {
        this.constraints = constraints;
    }

    /** The severities of the unacknowledged constraints that hold this gate; none for a gate that is never held. */
    static Set<Severity> severitiesHolding(Gate gate) {
        if (gate == Gate.FRAMING) {
            return EnumSet.allOf(Severity.class);
        }
        return HELD_BY_BLOCKING.contains(gate) ? EnumSet.of(Severity.BLOCKING) : EnumSet.noneOf(Severity.class);
    }

    /** The gates a constraint of this severity holds while it is unacknowledged. */
    static List<Gate> gatesHeldBy(Severity severity) {
        return Arrays.stream(Gate.values()).filter(gate -> severitiesHolding(gate).contains(severity)).toList();
    }

    /** Refuses an approval of this gate while a constraint that holds it is unacknowledged. */
    void requireAcknowledged(UUID betId, Gate gate) {
        Set<Severity> holding = severitiesHolding(gate);
        long open = constraints.unacknowledged(betId, holding);
        if (open == 0) {
            return;
        }
        String which = gate == Gate.FRAMING ? " technical constraint(s) are" : " BLOCKING technical constraint(s) are";
        throw new RuleViolation(ErrorCode.CONSTRAINTS_UNACKNOWLEDGED, "betId", open + which
                + " not acknowledged yet; product acknowledges each before the " + GateRules.gateName(gate) + " can pass");
    }
}
