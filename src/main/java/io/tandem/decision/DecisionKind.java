package io.tandem.decision;

/** What a decision-log entry records. */
public enum DecisionKind {
    FRAMING_APPROVED, SPIKE_VERDICT, COMMITMENT, DELIVERY_ACCEPTED, OUTCOME_VERDICT, KILLED, KILL_REJECTED,
    CHANGES_REQUESTED, WINDOW_MOVED, SCOPE_CUT, SCOPE_CHANGED, CHANGE_REJECTED,
    /**
     * A new entry that corrects an earlier one (supersedesId); history is never rewritten. Signed by the corrector alone
     * (gate null) or, when the corrected entry was signed by both sides, by both at the CORRECTION gate.
     */
    CORRECTION,
    /** A correction proposed at the CORRECTION gate was turned down: nothing was superseded. */
    CORRECTION_REJECTED,
    /** A lead edited the bet's title, team or plan; the entry's changes hold the old and new values. */
    BET_EDITED,
    /** A side's lead was handed over by the outgoing lead, or reassigned by the other side's lead and an admin. */
    LEAD_CHANGED,
    /** A lead named a stand-in to sign their side for a period. */
    STAND_IN_NAMED,
    /** A lead ended a stand-in's period early, or the stand-in stepped back. */
    STAND_IN_REVOKED,
    /** Both sides voided a bet opened by mistake, during framing. */
    VOIDED,
    /** A void proposal was turned down. */
    VOID_REJECTED,
    /**
     * An operator changed the bet's workflow outside the lifecycle: who (the signer), what they found and did (the
     * context) and why (the rationale).
     */
    OPERATOR_INTERVENTION,
    /**
     * Leadership's betting table: a bet placed on a cycle, with what gave way to make room (another bet removed or moved
     * to a later cycle, or a team's capacity raised, with the reason), in the log of every bet it touches; and the
     * table closed by two leadership signatures.
     */
    TABLE,
    /**
     * The forecasts sealed at commitment, revealed when the outcome review passed or the bet was killed: each
     * probability with the salt that recomputes its seal, and its Brier score.
     */
    FORECASTS_REVEALED,
    /**
     * A leader's ask accepted at the OPTIONS gate: the option product and engineering chose and the asker co-signed,
     * every option considered, and the receipt of its cost (what was given up, any window move or scope change).
     */
    ASK_ACCEPTED,
    /** A leader's ask turned down at the OPTIONS gate, by a side or by the asker. */
    ASK_DECLINED;

    /** Whether the entry records a gate refused: a side requested changes, or turned a proposal down. */
    public boolean refusesAGate() {
        return switch (this) {
            case CHANGES_REQUESTED, KILL_REJECTED, VOID_REJECTED, CHANGE_REJECTED, CORRECTION_REJECTED, ASK_DECLINED -> true;
            default -> false;
        };
    }
}
