package io.tandem.webhook;

import io.tandem.activity.ActivityKind;
import java.time.Instant;
import java.util.UUID;

/** One change to send to one endpoint, and how sending it went. */
public record WebhookDelivery(UUID id, UUID webhookId, long activityId, ActivityKind kind, String payload, Status status,
                              int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
                              String lastError, Instant createdAt, Instant deliveredAt) {

    public enum Status { PENDING, DELIVERED, PARKED }
}
