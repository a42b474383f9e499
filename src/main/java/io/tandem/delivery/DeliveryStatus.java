package io.tandem.delivery;

/** How delivery is going, in the words of whoever posts the update. */
public enum DeliveryStatus {
    ON_TRACK, AT_RISK, OFF_TRACK
}
