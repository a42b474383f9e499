/**
 * Comments on a bet: append-only shared context (the database refuses UPDATE and DELETE), oldest first, with
 * replies. Offers CommentService and the {@code Bet.comments} connection; publishes CommentAdded for live updates.
 */
package io.tandem.comment;
