package io.tandem.activity;

/** A change was recorded in the feed; published inside its transaction, for the live subscriptions. */
public record ActivityRecorded(Activity activity) {
}
