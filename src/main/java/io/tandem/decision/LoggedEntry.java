package io.tandem.decision;

import io.tandem.shared.FieldChange;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One decision-log entry as it is hashed and exported: every field the hash covers, and the hash. An auditor's copy
 * (the JSON lines of an export) rebuilds it and recomputes the hash without Tandem ({@link #hashMatches()}).
 * {@code changes} is null on entries that change no field, as in the log.
 *
 * <p>In entries of hash version 2 people are named by their pseudonym, never by user id or name: a signer's
 * {@code userId} and {@code standingInFor}, and the values of a change of lead or stand-in, are pseudonyms, and a
 * signer's {@code name} is null. So erasing a person's personal data leaves every hash as it was. Entries of version 1
 * were hashed with the signer's user id and display name, and keep them.
 */
public record LoggedEntry(int hashVersion, UUID betId, int sequence, DecisionKind kind, Gate gate, String context,
                          List<OptionConsidered> optionsConsidered, String chosenOption, String rationale,
                          List<Signer> signers, UUID supersedesId, Instant recordedAt, String previousHash,
                          List<FieldChange> changes, String hash) {

    /** The hash version every new entry is recorded with. */
    static final int CURRENT_VERSION = 2;
    /** The bet's fields whose values are people: hashed by pseudonym. */
    private static final Set<String> PERSON_FIELDS = Set.of("productLead", "engineeringLead", "productStandIn",
            "engineeringStandIn");

    public LoggedEntry {
        // exports written before entries carried a version hold only version-1 entries
        hashVersion = hashVersion == 0 ? 1 : hashVersion;
        optionsConsidered = optionsConsidered == null ? List.of() : List.copyOf(optionsConsidered);
        signers = signers == null ? List.of() : List.copyOf(signers);
    }

    /** The entry as hashed: {@code pseudonyms} holds at least everyone {@link #peopleNamed} names. */
    public static LoggedEntry of(Decision d, Map<String, UUID> pseudonyms) {
        List<Signer> signers = d.getSigners();
        List<FieldChange> changes = d.getChanges().isEmpty() ? null : d.getChanges();
        if (d.getHashVersion() >= 2) {
            signers = signers.stream().map(s -> new Signer(pseudonym(s.userId(), pseudonyms), null, s.role(), s.answer(),
                    s.briefHash(), s.signedAt(), pseudonym(s.standingInFor(), pseudonyms), s.forecastSeal())).toList();
            if (changes != null) {
                changes = changes.stream().map(c -> namesPerson(c)
                        ? new FieldChange(c.field(), pseudonym(c.from(), pseudonyms), pseudonym(c.to(), pseudonyms))
                        : c).toList();
            }
        }
        return new LoggedEntry(d.getHashVersion(), d.getBetId(), d.getSequence(), d.getKind(), d.getGate(),
                d.getContext(), d.getOptionsConsidered(), d.getChosenOption(), d.getRationale(), signers,
                d.getSupersedesId(), d.getRecordedAt(), d.getPreviousHash(), changes, d.getHash());
    }

    /** The user ids an entry's hash names by pseudonym (none for version-1 entries). */
    public static Set<String> peopleNamed(Decision d) {
        return d.getHashVersion() >= 2 ? peopleNamed(d.getSigners(), d.getChanges()) : Set.of();
    }

    /** The people these signers and changes name: each signer, the lead they stood in for, a lead or stand-in changed. */
    static Set<String> peopleNamed(List<Signer> signers, List<FieldChange> changes) {
        Set<String> ids = new HashSet<>();
        signers.forEach(s -> {
            ids.add(s.userId());
            if (s.standingInFor() != null) {
                ids.add(s.standingInFor());
            }
        });
        changes.stream().filter(LoggedEntry::namesPerson).flatMap(c -> Stream.of(c.from(), c.to()))
                .filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }

    /** Whether a change's values are people (a lead or a stand-in): hashed by pseudonym. */
    static boolean namesPerson(FieldChange change) {
        return PERSON_FIELDS.contains(change.field());
    }

    /** Whether the entry's content, with its link to the previous entry, still hashes to its hash. */
    public boolean hashMatches() {
        return DecisionHash.of(this).equals(hash);
    }

    private static String pseudonym(String userId, Map<String, UUID> pseudonyms) {
        if (userId == null) {
            return null;
        }
        UUID pseudonym = pseudonyms.get(userId);
        if (pseudonym == null) {
            throw new IllegalStateException("No pseudonym for " + userId + ": every person an entry names has one");
        }
        return pseudonym.toString();
    }
}
