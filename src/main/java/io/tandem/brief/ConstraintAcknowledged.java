package io.tandem.brief;

import io.tandem.security.CurrentUser;
import java.util.UUID;

/**
 * Published inside the transaction that records product's acknowledgement of a constraint, whichever door it came
 * through: an open task asking for that acknowledgement is done, by the person who acknowledged.
 */
public record ConstraintAcknowledged(UUID betId, UUID constraintId, String title, CurrentUser acknowledgedBy) {
}
