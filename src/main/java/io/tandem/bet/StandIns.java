package io.tandem.bet;

import io.tandem.people.People;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stand-ins for a bet's leads: who may sign a side for its lead, and when. The rules for naming one, and the question
 * every door asks when someone signs or takes a sign-off: does this person stand in for the side's lead right now?
 */
@Service
public class StandIns {

    /** A stand-in covers an absence, not a hand-over: longer than this, change the lead. */
    public static final Duration LONGEST = Duration.ofDays(180);

    private final StandInRepository standIns;
    private final People people;
    private final Clock clock;

    StandIns(StandInRepository standIns, People people, Clock clock) {
        this.standIns = standIns;
        this.people = people;
        this.clock = clock;
    }

    /**
     * Names {@code standIn} to sign {@code side} of a bet this transaction claimed for its lead, from {@code from} (now
     * when null) until {@code to}: someone Tandem knows holding the side's role, neither the lead nor the other side's.
     */
    @Transactional
    public StandIn name(Bet bet, Role side, String standIn, Instant from, Instant to) {
        if (bet.isClosed()) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "The bet is closed; nobody signs for it any more");
        }
        String lead = bet.leadFor(side);
        if (lead == null) {
            throw RuleViolation.invalid("side", "The bet names no " + side.group() + " lead to stand in for: anyone of the role"
                    + " signs that side");
        }
        String person = Texts.required("standIn", standIn, Texts.USER_ID_MAX);
        people.requireHolder(person, side, "standIn");
        if (person.equals(lead) || person.equals(bet.leadFor(side == Role.PRODUCT ? Role.ENGINEERING : Role.PRODUCT))) {
            throw new RuleViolation(ErrorCode.SAME_PERSON, "standIn", person + " already leads a side of this bet;"
                    + " a stand-in is a second person");
        }
        Instant now = StoredTime.now(clock);
        Instant starts = from == null || from.isBefore(now) ? now : StoredTime.truncate(from);
        if (to == null || !to.isAfter(starts)) {
            throw RuleViolation.invalid("to", "The stand-in's period must end after it starts (" + starts + ")");
        }
        if (Duration.between(starts, to).compareTo(LONGEST) > 0) {
            throw RuleViolation.invalid("to", "A stand-in covers at most " + LONGEST.toDays() + " days; for longer, hand the"
                    + " lead over");
        }
        return standIns.save(new StandIn(bet.getId(), side, lead, person, starts, StoredTime.truncate(to), now));
    }

    @Transactional
    public StandIn revoke(UUID id) {
        StandIn standIn = get(id);
        if (standIn.getRevokedAt() == null) {
            standIn.revoke(StoredTime.now(clock));
        }
        return standIn;
    }

    @Transactional(readOnly = true)
    public StandIn get(UUID id) {
        return standIns.findById(id).orElseThrow(() -> RuleViolation.notFound("standInId", "Stand-in " + id));
    }

    @Transactional(readOnly = true)
    public Optional<StandIn> find(UUID id) {
        return standIns.findById(id);
    }

    /** Who stands in for this side's lead right now. */
    @Transactional(readOnly = true)
    public List<String> activeFor(UUID betId, Role side) {
        Instant now = clock.instant();
        return standIns.findByBetIdAndSide(betId, side).stream().filter(s -> s.activeAt(now)).map(StandIn::getStandIn)
                .distinct().toList();
    }

    /** The lead this person stands in for on this side right now, if they do. */
    @Transactional(readOnly = true)
    public Optional<String> leadStoodInFor(UUID betId, Role side, String userId) {
        Instant now = clock.instant();
        return standIns.findByBetIdAndSide(betId, side).stream().filter(s -> s.activeAt(now) && s.getStandIn().equals(userId))
                .map(StandIn::getLead).findFirst();
    }

    /** Ends every stand-in of this side (its lead changed); returns the ones that were current or coming. */
    @Transactional
    public List<StandIn> endAll(UUID betId, Role side) {
        Instant now = StoredTime.now(clock);
        List<StandIn> ended = standIns.findByBetIdAndSide(betId, side).stream().filter(s -> !s.endedAt(now)).toList();
        ended.forEach(s -> s.revoke(now));
        return ended;
    }

    /** The stand-ins of these bets that are current or still to come, by start. */
    @Transactional(readOnly = true)
    public List<StandIn> currentOrComing(Collection<UUID> betIds) {
        return betIds.isEmpty() ? List.of() : standIns.currentOrComing(betIds, clock.instant());
    }

    /** Stand-ins whose sign-offs wait to be offered or withdrawn, locked for this transaction. */
    @Transactional
    public List<StandIn> due() {
        return standIns.due(clock.instant());
    }

    @Transactional
    public void markOffered(StandIn standIn) {
        standIn.offered(StoredTime.now(clock));
        standIns.save(standIn);
    }

    @Transactional
    public void markWithdrawn(StandIn standIn) {
        standIn.withdrawn(StoredTime.now(clock));
        standIns.save(standIn);
    }
}
