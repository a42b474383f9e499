/**
 * Webhooks: endpoints admins register to be told of changes to bets. Owns the {@code webhook} and
 * {@code webhook_delivery} tables. Every change the activity module records is written, in that change's own
 * transaction, to the outbox of each enabled endpoint whose kinds and team it matches (WebhookOutbox); WebhookSender
 * POSTs it as JSON signed the Standard Webhooks way (HMAC-SHA256 over id, timestamp and body), retries with exponential
 * backoff, parks it after the last attempt, and keeps a delivery log per endpoint that an admin can replay from.
 */
package io.tandem.webhook;
