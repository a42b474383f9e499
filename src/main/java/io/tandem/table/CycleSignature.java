package io.tandem.table;

import java.time.Instant;

/** A leadership signature on a cycle's table; the second, by someone else, closes it. */
public record CycleSignature(String signerId, Instant signedAt) {
}
