package io.tandem.table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A cycle of the betting table: its name, its dates, who created it, and when two leaders closed its table. */
public record Cycle(UUID id, String name, LocalDate startsOn, LocalDate endsOn, String createdBy, Instant createdAt,
                    Instant closedAt) {

    public boolean closed() {
        return closedAt != null;
    }
}
