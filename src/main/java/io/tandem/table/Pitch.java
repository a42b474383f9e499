package io.tandem.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A bet pitched to a cycle with its appetite in person-weeks, and what the table made of it. */
public record Pitch(UUID id, UUID betId, UUID cycleId, String team, BigDecimal appetiteWeeks, String pitchedBy,
                    Instant pitchedAt, Status status, Integer position, String placedBy, Instant placedAt, String reason) {

    /** PITCHED waits for the table; PLACED is on it at {@code position}; the others did not make the cycle, and say why. */
    public enum Status { PITCHED, PLACED, GAVE_WAY, MOVED, NOT_PLACED }
}
