package io.tandem.decision;

import java.util.UUID;

/** Published inside the transaction that appends an entry to a bet's decision log. */
public record DecisionRecorded(UUID betId, int sequence, DecisionKind kind) {
}
