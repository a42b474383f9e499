package io.tandem.outcome;

import java.util.UUID;

/** Product recorded an outcome report; published inside the transaction that stores it. */
public record OutcomeRecorded(UUID betId, UUID reportId, Recommendation recommendation) {
}
