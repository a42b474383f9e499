package io.tandem.live;

import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to a bet that someone watching it wants to see. Small on purpose: it travels as a
 * PostgreSQL notification, and the subscription resolves the bet itself when a client asks for it.
 *
 * @param betId   the bet
 * @param kind    what happened
 * @param summary a line for people, such as "Stage FRAMING → COMMITMENT"; may be null
 * @param at      when it happened
 */
public record BetChange(UUID betId, Kind kind, String summary, Instant at) {

    /** What happened to the bet. */
    public enum Kind {
        /** The bet moved to another stage. */
        STAGE_CHANGED,
        /** Someone signed one side of a gate (approved or requested changes). */
        SIGNED_OFF,
        /** An entry was appended to the bet's decision log. */
        DECIDED,
        /** Someone commented on the bet. */
        COMMENTED,
        /** Engineering recorded a technical constraint. */
        CONSTRAINT_ADDED,
        /** Product acknowledged a technical constraint. */
        CONSTRAINT_ACKNOWLEDGED
    }
}
