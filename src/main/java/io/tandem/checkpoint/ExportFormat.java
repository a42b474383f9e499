package io.tandem.checkpoint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tandem.decision.LoggedEntry;
import java.time.Instant;

/**
 * The decision log's export, JSON lines ({@code tandem-decision-log-v1}), one object per line with one key saying what
 * it holds: first {@code export} (what was asked for, and when), then each {@code entry} (every field the hash covers,
 * and the hash; times ISO-8601 in UTC to the microsecond), then each {@code leaf} of the whole log in the order it
 * grew (the leaves a checkpoint's root is computed over), then the newest {@code checkpoint}, if any. The same mapper
 * writes and reads it, inside Tandem and in {@link OfflineCheck}.
 */
final class ExportFormat {

    static final String FORMAT = "tandem-decision-log-v1";
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Header(String format, Instant exportedAt, String betId, Instant from, Instant to) {
    }

    record HeaderLine(Header export) {
    }

    record EntryLine(LoggedEntry entry) {
    }

    record Leaf(String betId, int sequence, String hash) {
    }

    record LeafLine(Leaf leaf) {
    }

    record CheckpointLine(Checkpoint checkpoint) {
    }

    private ExportFormat() {
    }
}
