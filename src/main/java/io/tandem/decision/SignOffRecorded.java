package io.tandem.decision;

import java.util.UUID;

/** Published inside the transaction that records one side's answer at a gate. */
public record SignOffRecorded(UUID betId, Gate gate, String role, String signerName, Answer answer) {
}
