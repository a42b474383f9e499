/**
 * The problem brief and technical constraints. Owns the brief's append-only revisions (each with a content hash
 * that sign-offs record), the constraints and their acknowledgements. Offers BriefService and ConstraintService;
 * publishes BriefRevised, ConstraintAdded and ConstraintAcknowledged so the lifecycle can reopen rounds and hold gates.
 */
package io.tandem.brief;
