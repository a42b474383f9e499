/**
 * Activity: every change to a bet that its readers can see (a new bet, a revised brief, a constraint, a sign-off, a
 * log entry, a comment, a status update, a change request, an escalation, an outcome...), recorded in the change's own
 * transaction from the other modules' domain events (ActivitySources). Owns the {@code activity} table and offers the
 * change feed across all bets ({@code activity} in GraphQL, with a cursor that survives restarts) and ActivityRecorded,
 * which the live module sends to {@code betChanged} and {@code activityChanged} subscribers after commit.
 */
package io.tandem.activity;
