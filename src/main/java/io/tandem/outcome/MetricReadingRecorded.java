package io.tandem.outcome;

import java.util.UUID;

/** An integration recorded a metric reading; published inside the transaction that stores it. */
public record MetricReadingRecorded(UUID betId, UUID readingId, String metric, double value, String source) {
}
