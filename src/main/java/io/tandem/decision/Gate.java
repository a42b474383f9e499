package io.tandem.decision;

/** A point where both product and engineering must sign before the bet moves on. */
public enum Gate {
    FRAMING, SPIKE, COMMITMENT, DELIVERY, OUTCOME_REVIEW, KILL,
    /** A scope or window change requested during delivery. */
    CHANGE,
    /** The window date passed undelivered: cut scope or move the window. */
    ESCALATION,
    /** A bet opened by mistake, voided during framing by both sides. */
    VOID
}
