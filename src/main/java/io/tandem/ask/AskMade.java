package io.tandem.ask;

import java.util.UUID;

/** A leader made an ask of a bet; published inside the transaction that stores it. */
public record AskMade(UUID betId, UUID askId, AskKind kind, String askedBy) {
}
