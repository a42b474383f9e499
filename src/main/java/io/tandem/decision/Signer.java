package io.tandem.decision;

import java.time.Instant;

/** Who signed a decision, for which side, with what answer, on which brief revision (its content hash), and when. */
public record Signer(String userId, String name, String role, String answer, String briefHash, Instant signedAt) {
}
