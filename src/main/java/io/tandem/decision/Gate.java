package io.tandem.decision;

/** A point where both product and engineering must sign before the bet moves on (and, at OPTIONS, the asking leader). */
public enum Gate {
    FRAMING, SPIKE, COMMITMENT, DELIVERY, OUTCOME_REVIEW, KILL,
    /** A scope or window change requested during delivery. */
    CHANGE,
    /** The window date passed undelivered: cut scope or move the window. */
    ESCALATION,
    /** A bet opened by mistake, voided during framing by both sides. */
    VOID,
    /** A correction of a decision-log entry both sides signed: it supersedes the entry only once both sides sign it. */
    CORRECTION,
    /**
     * A leader's ask of a committed bet (ask/Asks): engineering states the options and what each gives up, product and
     * engineering sign one, and the asking leader co-signs it as the owner of its cost.
     */
    OPTIONS
}
