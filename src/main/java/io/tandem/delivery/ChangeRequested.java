package io.tandem.delivery;

import java.util.UUID;

/** A scope or window change was requested during delivery; published inside the transaction that stores it. */
public record ChangeRequested(UUID betId, UUID changeRequestId, ChangeRequest.Kind kind) {
}
