package io.tandem.decision;

import io.tandem.people.People;
import io.tandem.security.Roles;
import io.tandem.shared.StoredTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only decision log of each bet. Appends happen inside the transaction that passes or
 * refuses a gate, while that transaction holds the bet's claim, so sequences never collide.
 */
@Service
public class DecisionLog {

    private final DecisionRepository decisions;
    private final People people;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DecisionLog(DecisionRepository decisions, People people, Clock clock, ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.people = people;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Decision append(UUID betId, NewDecision entry) {
        Optional<Decision> previous = decisions.findFirstByBetIdOrderBySequenceDesc(betId);
        Map<String, String> named = new HashMap<>();
        LoggedEntry.peopleNamed(entry.signers(), entry.changes()).forEach(id -> named.put(id, null));
        entry.signers().forEach(s -> named.put(s.userId(), s.name()));
        Decision decision = new Decision(betId, previous.map(d -> d.getSequence() + 1).orElse(1), entry,
                StoredTime.now(clock), previous.map(Decision::getHash).orElse(null), people.pseudonymsRecording(named));
        Decision saved = decisions.save(decision);
        events.publishEvent(new DecisionRecorded(betId, saved.getId(), saved.getSequence(), entry.kind(), entry.gate()));
        return saved;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<Decision> read(UUID id) {
        return decisions.findById(id);
    }

    @Transactional(readOnly = true)
    public Window<Decision> page(UUID betId, ScrollPosition position, int size) {
        return decisions.findByBetId(betId, position, Sort.by("sequence"), Limit.of(size));
    }

    @Transactional(readOnly = true)
    public long count(UUID betId) {
        return decisions.countByBetId(betId);
    }

    @Transactional(readOnly = true)
    public List<Decision> all(UUID betId) {
        return decisions.findByBetIdOrderBySequenceAsc(betId);
    }

    /** Every bet's entries recorded in [from, to), by bet and sequence. */
    @Transactional(readOnly = true)
    public List<Decision> recordedBetween(Instant from, Instant to) {
        return decisions.findByRecordedAtGreaterThanEqualAndRecordedAtLessThanOrderByBetIdAscSequenceAsc(from, to);
    }

    @Transactional(readOnly = true)
    public Map<UUID, Decision> latest(Collection<UUID> betIds) {
        return decisions.findLatestByBetIds(betIds.toArray(UUID[]::new)).stream()
                .collect(Collectors.toMap(Decision::getBetId, Function.identity()));
    }

    /** Recomputes the chain; names the first entry whose content or link no longer matches. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Verification verify(UUID betId) {
        String previousHash = null;
        int expectedSequence = 1;
        List<Decision> entries = decisions.findByBetIdOrderBySequenceAsc(betId);
        Map<String, UUID> pseudonyms = pseudonyms(entries);
        for (Decision d : entries) {
            String problem = null;
            if (d.getSequence() != expectedSequence) {
                problem = "expected sequence " + expectedSequence + " but found " + d.getSequence();
            } else if (!Objects.equals(d.getPreviousHash(), previousHash)) {
                problem = "its link to the previous entry does not match";
            } else if (!DecisionHash.of(d, pseudonyms).equals(d.getHash())) {
                problem = "its content no longer matches its hash";
            }
            if (problem != null) {
                return new Verification(false, entries.size(), d, "Entry " + d.getSequence() + ": " + problem);
            }
            previousHash = d.getHash();
            expectedSequence++;
        }
        return new Verification(true, entries.size(), null, null);
    }

    /** The pseudonym of everyone these entries' hashes name. */
    @Transactional(readOnly = true)
    public Map<String, UUID> pseudonyms(Collection<Decision> entries) {
        Set<String> ids = new HashSet<>();
        entries.forEach(d -> ids.addAll(LoggedEntry.peopleNamed(d)));
        return ids.isEmpty() ? Map.of() : people.pseudonyms(ids);
    }

    /**
     * The name of each of these signers as it is now: the person's, else (someone Tandem never recorded, in an entry of
     * hash version 1) the one the entry kept, else their user id.
     */
    @Transactional(readOnly = true)
    public Map<String, String> names(Collection<Signer> signers) {
        Map<String, String> names = new HashMap<>(people.names(signers.stream().map(Signer::userId).collect(Collectors.toSet())));
        signers.forEach(s -> names.computeIfAbsent(s.userId(), id -> s.name() == null ? id : s.name()));
        return names;
    }

    /** These entries as hashed and exported. */
    @Transactional(readOnly = true)
    public List<LoggedEntry> logged(List<Decision> entries) {
        Map<String, UUID> pseudonyms = pseudonyms(entries);
        return entries.stream().map(d -> LoggedEntry.of(d, pseudonyms)).toList();
    }

    /** The result of verifyDecisionLog. */
    public record Verification(boolean valid, int entriesChecked, Decision firstBroken, String problem) {
    }
}
