package io.tandem.decision;

import io.tandem.shared.FieldChange;
import io.tandem.shared.Hashes;
import java.time.Instant;
import java.util.Objects;

/**
 * The canonical text of an entry, hashed with the previous entry's hash. Every field is length-prefixed,
 * so no two different entries share a text.
 */
final class DecisionHash {

    private DecisionHash() {
    }

    static String of(Decision d) {
        StringBuilder text = new StringBuilder();
        field(text, d.getBetId());
        field(text, d.getSequence());
        field(text, d.getKind());
        field(text, d.getGate());
        field(text, d.getContext());
        field(text, d.getOptionsConsidered().size());
        for (OptionConsidered o : d.getOptionsConsidered()) {
            field(text, o.id());
            field(text, o.label());
            field(text, o.scopeSummary());
            field(text, o.window());
            field(text, o.gains());
            field(text, o.givesUp());
            field(text, o.risk());
        }
        field(text, d.getChosenOption());
        field(text, d.getRationale());
        field(text, d.getSigners().size());
        for (Signer s : d.getSigners()) {
            field(text, s.userId());
            field(text, s.name());
            field(text, s.role());
            field(text, s.answer());
            field(text, s.briefHash());
            field(text, s.signedAt() == null ? null : micros(s.signedAt()));
            // only when set, so signers recorded before stand-ins existed keep their hashes
            if (s.standingInFor() != null) {
                field(text, "standingInFor");
                field(text, s.standingInFor());
            }
        }
        field(text, d.getSupersedesId());
        field(text, micros(d.getRecordedAt()));
        field(text, d.getPreviousHash());
        // appended only when there are changes, so entries recorded before changes existed keep their hashes
        if (!d.getChanges().isEmpty()) {
            field(text, d.getChanges().size());
            for (FieldChange change : d.getChanges()) {
                field(text, change.field());
                field(text, change.from());
                field(text, change.to());
            }
        }
        return Hashes.sha256(text.toString());
    }

    /** Microseconds: the precision PostgreSQL keeps, so a re-read entry hashes the same. */
    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static void field(StringBuilder text, Object value) {
        if (value == null) {
            text.append("-;");
            return;
        }
        String s = Objects.toString(value);
        text.append(s.length()).append(':').append(s).append(';');
    }
}
