package io.tandem.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * One change to a bet, as the feed and the live subscriptions tell it.
 *
 * @param id          its number in the feed
 * @param tx          the id of the transaction that made it (the feed's order, with {@code id})
 * @param actorId     who did it; null for the workflow itself (a timer)
 * @param subjectType the GraphQL type of what changed, when it has an id of its own ({@code subjectId})
 */
public record Activity(long id, long tx, UUID betId, String team, ActivityKind kind, String actorId, String actorName,
                       String subjectType, UUID subjectId, String summary, Instant at) {
}
