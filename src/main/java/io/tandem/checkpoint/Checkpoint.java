package io.tandem.checkpoint;

import java.time.Instant;

/**
 * A signed statement of the whole decision log: at {@code at}, its first {@code size} leaves had the Merkle root
 * {@code root}. The signature (Ed25519, base64) is over {@link #payload()}.
 */
public record Checkpoint(Instant at, long size, String root, String signature) {

    /** What is signed: a version line, then the time (ISO-8601, UTC), the size and the root, one per line. */
    public String payload() {
        return payload(at, size, root);
    }

    static String payload(Instant at, long size, String root) {
        return "tandem-checkpoint-v1\n" + at + "\n" + size + "\n" + root + "\n";
    }
}
