package io.tandem.decision;

import io.tandem.shared.FieldChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One decision-log entry as it is hashed and exported: every field the hash covers, and the hash. An auditor's copy
 * (the JSON lines of an export) rebuilds it and recomputes the hash without Tandem ({@link #hashMatches()}).
 * {@code changes} is null on entries that change no field, as in the log.
 */
public record LoggedEntry(UUID betId, int sequence, DecisionKind kind, Gate gate, String context,
                          List<OptionConsidered> optionsConsidered, String chosenOption, String rationale,
                          List<Signer> signers, UUID supersedesId, Instant recordedAt, String previousHash,
                          List<FieldChange> changes, String hash) {

    public LoggedEntry {
        optionsConsidered = optionsConsidered == null ? List.of() : List.copyOf(optionsConsidered);
        signers = signers == null ? List.of() : List.copyOf(signers);
    }

    public static LoggedEntry of(Decision d) {
        return new LoggedEntry(d.getBetId(), d.getSequence(), d.getKind(), d.getGate(), d.getContext(),
                d.getOptionsConsidered(), d.getChosenOption(), d.getRationale(), d.getSigners(), d.getSupersedesId(),
                d.getRecordedAt(), d.getPreviousHash(), d.getChanges().isEmpty() ? null : d.getChanges(), d.getHash());
    }

    /** Whether the entry's content, with its link to the previous entry, still hashes to its hash. */
    public boolean hashMatches() {
        return DecisionHash.of(this).equals(hash);
    }
}
