package io.tandem.brief;

import java.util.UUID;

/**
 * Published inside the transaction that records a technical constraint: a gate it holds may need product's
 * acknowledgement again, and a bet past framing opens a task for it.
 */
public record ConstraintAdded(UUID betId, UUID constraintId, TechnicalConstraint.Severity severity, String title,
                              String authorName) {
}
