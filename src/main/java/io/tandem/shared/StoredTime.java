package io.tandem.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Time as PostgreSQL stores it. A timestamp column keeps microseconds, so an instant taken at that precision reads back
 * equal to what was written: an entity held in memory, a hash over it (the decision log's chain) and a keyset cursor
 * agree with the row.
 */
public final class StoredTime {

    private StoredTime() {
    }

    /** The clock's instant, truncated to microseconds. */
    public static Instant now(Clock clock) {
        return truncate(clock.instant());
    }

    /** An instant a client gave, truncated to microseconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
