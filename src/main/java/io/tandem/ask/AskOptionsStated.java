package io.tandem.ask;

import java.util.UUID;

/** Engineering stated the options of an ask; published inside the transaction that stores them. */
public record AskOptionsStated(UUID betId, UUID askId, int options) {
}
