package io.tandem.decision;

import io.tandem.security.Roles;
import io.tandem.shared.StoredTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DecisionLog(DecisionRepository decisions, Clock clock, ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Decision append(UUID betId, NewDecision entry) {
        Optional<Decision> previous = decisions.findFirstByBetIdOrderBySequenceDesc(betId);
        Decision decision = new Decision(betId, previous.map(d -> d.getSequence() + 1).orElse(1), entry,
                StoredTime.now(clock), previous.map(Decision::getHash).orElse(null));
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
        for (Decision d : entries) {
            String problem = null;
            if (d.getSequence() != expectedSequence) {
                problem = "expected sequence " + expectedSequence + " but found " + d.getSequence();
            } else if (!Objects.equals(d.getPreviousHash(), previousHash)) {
                problem = "its link to the previous entry does not match";
            } else if (!DecisionHash.of(d).equals(d.getHash())) {
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

    /** The result of verifyDecisionLog. */
    public record Verification(boolean valid, int entriesChecked, Decision firstBroken, String problem) {
    }
}
