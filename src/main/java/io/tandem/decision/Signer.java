package io.tandem.decision;

import java.time.Instant;

/** Who signed a decision, for which side, with what answer and when. */
public record Signer(String userId, String name, String role, String answer, Instant signedAt) {
}
