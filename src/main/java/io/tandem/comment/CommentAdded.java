package io.tandem.comment;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that adds a comment, for whoever announces comments (live updates).
 * The transaction may still roll back: live updates announce it with a PostgreSQL notification, sent on commit.
 */
public record CommentAdded(UUID betId, UUID commentId, String authorId, Instant at) {
}
