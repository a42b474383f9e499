package io.tandem.people;

import java.time.Instant;
import java.util.UUID;

/** An erasure of a person's personal data: who, their pseudonym (how the decision log's hashes name them), by whom, why, when. */
public record PersonErasure(UUID id, String personId, UUID pseudonym, String erasedBy, String reason, Instant erasedAt) {
}
