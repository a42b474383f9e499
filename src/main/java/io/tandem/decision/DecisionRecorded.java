package io.tandem.decision;

import java.util.UUID;

/**
 * Published inside the transaction that appends an entry to a bet's decision log.
 *
 * @param gate the gate the entry is about; null for entries that belong to no gate (a correction, an operator's intervention)
 */
public record DecisionRecorded(UUID betId, UUID decisionId, int sequence, DecisionKind kind, Gate gate) {
}
