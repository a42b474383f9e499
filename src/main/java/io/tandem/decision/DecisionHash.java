package io.tandem.decision;

import io.tandem.shared.FieldChange;
import io.tandem.shared.Hashes;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The canonical text of an entry, hashed with the previous entry's hash. Every field is length-prefixed,
 * so no two different entries share a text.
 */
final class DecisionHash {

    private DecisionHash() {
    }

    static String of(Decision d, Map<String, UUID> pseudonyms) {
        return of(LoggedEntry.of(d, pseudonyms));
    }

    static String of(LoggedEntry d) {
        StringBuilder text = new StringBuilder();
        // version 1 texts start with the bet's id, so they keep their hashes
        if (d.hashVersion() > 1) {
            field(text, "v" + d.hashVersion());
        }
        field(text, d.betId());
        field(text, d.sequence());
        field(text, d.kind());
        field(text, d.gate());
        field(text, d.context());
        field(text, d.optionsConsidered().size());
        for (OptionConsidered o : d.optionsConsidered()) {
            field(text, o.id());
            field(text, o.label());
            field(text, o.scopeSummary());
            field(text, o.window());
            field(text, o.gains());
            field(text, o.givesUp());
            field(text, o.risk());
        }
        field(text, d.chosenOption());
        field(text, d.rationale());
        field(text, d.signers().size());
        for (Signer s : d.signers()) {
            field(text, s.userId());
            // version 2 names signers by pseudonym alone: their name is personal data, kept outside the hash
            if (d.hashVersion() == 1) {
                field(text, s.name());
            }
            field(text, s.role());
            field(text, s.answer());
            field(text, s.briefHash());
            field(text, s.signedAt() == null ? null : micros(s.signedAt()));
            // only when set, so signers recorded before stand-ins existed keep their hashes
            if (s.standingInFor() != null) {
                field(text, "standingInFor");
                field(text, s.standingInFor());
            }
            // only when set, as standingInFor: a commitment signer's sealed forecast
            if (s.forecastSeal() != null) {
                field(text, "forecastSeal");
                field(text, s.forecastSeal());
            }
        }
        field(text, d.supersedesId());
        field(text, micros(d.recordedAt()));
        field(text, d.previousHash());
        // appended only when there are changes, so entries recorded before changes existed keep their hashes
        if (d.changes() != null && !d.changes().isEmpty()) {
            field(text, d.changes().size());
            for (FieldChange change : d.changes()) {
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
