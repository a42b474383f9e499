package io.tandem.delivery;

import java.util.UUID;

/** Someone posted a delivery status update; published inside the transaction that stores it. */
public record StatusUpdatePosted(UUID betId, UUID statusUpdateId, DeliveryStatus status) {
}
