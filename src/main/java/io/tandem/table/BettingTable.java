package io.tandem.table;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.Stage;
import io.tandem.brief.Appetite;
import io.tandem.brief.BriefService;
import io.tandem.decision.Answer;
import io.tandem.decision.Decision;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.NewDecision;
import io.tandem.decision.Signer;
import io.tandem.security.CurrentUser;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pitches and placements on a cycle's table, and the two signatures that close it. Every change to a cycle's table takes the cycle's row lock first, so two leaders
 * placing bets for the same team at once are checked against capacity one after the other; the bets a change logs
 * to are claimed (BetService.claimForChange) in id order.
 */
@Service
public class BettingTable {

    private final JdbcTemplate jdbc;
    private final Cycles cycles;
    private final BetService bets;
    private final BriefService briefs;
    private final DecisionLog decisionLog;
    private final Clock clock;

    BettingTable(JdbcTemplate jdbc, Cycles cycles, BetService bets, BriefService briefs, DecisionLog decisionLog,
                 Clock clock) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.bets = bets;
        this.briefs = briefs;
        this.decisionLog = decisionLog;
        this.clock = clock;
    }

    /**
     * Pitches a bet in framing to an open cycle that plans capacity for the bet's team, with the appetite its brief
     * names. Someone of the bet's product or engineering side pitches it (its lead, where the bet names one); a bet
     * waits on one open cycle's table at a time.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public Pitch pitch(UUID betId, UUID cycleId, CurrentUser user) {
        Cycle cycle = cycles.openForChange(cycleId, "cycleId");
        Bet bet = bets.claimForChange(betId, "betId");
        if (bet.getStage() != Stage.FRAMING) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "A bet is pitched while framing; this one is in "
                    + bet.getStage());
        }
        boolean mayPitch = List.of(Role.PRODUCT, Role.ENGINEERING).stream()
                .anyMatch(side -> user.has(side) && (bet.leadFor(side) == null || bet.leadFor(side).equals(user.id())));
        if (!mayPitch) {
            throw new RuleViolation(ErrorCode.NOT_THE_LEAD, "betId", "The bet names its leads; only they pitch it");
        }
        if (bet.getTeam() == null) {
            throw RuleViolation.invalid("betId", "Name the bet's team first: a cycle's capacity is planned per team");
        }
        BigDecimal appetite = briefs.latest(betId).map(r -> r.getContent().appetite()).map(Appetite::personWeeks)
                .orElseThrow(() -> new RuleViolation(ErrorCode.BRIEF_INCOMPLETE, "betId",
                        "The bet's brief names no appetite: say how much the bet is worth, in person-weeks or person-days"));
        if (cycles.capacity(cycleId, bet.getTeam()).isEmpty()) {
            throw RuleViolation.invalid("cycleId", cycle.name() + " plans no capacity for team " + bet.getTeam());
        }
        List<String> waiting = jdbc.queryForList("""
                select c.name from pitch p join cycle c on c.id = p.cycle_id
                 where p.bet_id = ? and p.status in ('PITCHED', 'PLACED') and c.closed_at is null""", String.class, betId);
        if (!waiting.isEmpty()) {
            throw RuleViolation.invalid("betId", "The bet is already pitched to " + waiting.get(0));
        }
        Pitch pitch = new Pitch(UUID.randomUUID(), betId, cycleId, bet.getTeam(), appetite, user.id(), StoredTime.now(clock),
                Pitch.Status.PITCHED, null, null, null, null);
        cycles.insert(pitch);
        return pitch;
    }

    /**
     * Places a pitched bet on its cycle's table, at {@code position} (1 for the first; the end when null; later ones
     * move down). Past the team's capacity it is refused (OVER_CAPACITY) unless {@code giveWay} names what makes room,
     * and a give-way is refused where nothing needs to give way. One TABLE decision, signed by the placer, goes into
     * the log of every bet the placement touches.
     */
    @Transactional
    @PreAuthorize("hasRole('leadership')")
    public Placement place(UUID pitchId, Integer position, GiveWay giveWay, CurrentUser user) {
        Pitch pitch = cycles.pitch(pitchId, "pitchId");
        Cycle cycle = cycles.openForChange(pitch.cycleId(), "pitchId");
        pitch = cycles.pitch(pitchId, "pitchId");
        if (pitch.status() != Pitch.Status.PITCHED) {
            throw RuleViolation.invalid("pitchId", "This pitch is " + pitch.status() + ", not waiting for the table");
        }
        List<Pitch> placed = cycles.placed(cycle.id());
        int at = position == null ? placed.size() + 1 : position;
        if (at < 1 || at > placed.size() + 1) {
            throw RuleViolation.invalid("position", "Place it at 1 to " + (placed.size() + 1));
        }
        String team = pitch.team();
        BigDecimal capacity = cycles.capacity(cycle.id(), team).orElseThrow(() -> RuleViolation.invalid("pitchId",
                cycle.name() + " plans no capacity for team " + team));
        BigDecimal used = placed.stream().filter(p -> p.team().equals(team)).map(Pitch::appetiteWeeks)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal needed = used.add(pitch.appetiteWeeks());
        String over = "Team " + team + " has " + plain(capacity) + " person-weeks in " + cycle.name() + ", " + plain(used)
                + " of them placed; this bet's appetite is " + plain(pitch.appetiteWeeks());
        if (giveWay == null) {
            if (needed.compareTo(capacity) > 0) {
                throw new RuleViolation(ErrorCode.OVER_CAPACITY, "giveWay", over
                        + ": name what gives way (a bet removed or moved to a later cycle, or the capacity raised)");
            }
            return placed(pitch, cycle, at, placed, user, null, null, null);
        }
        if (needed.compareTo(capacity) <= 0) {
            throw RuleViolation.invalid("giveWay", over + ": it fits, nothing needs to give way");
        }
        String reason = Texts.required("giveWay.reason", giveWay.reason(), Texts.SHORT_TEXT_MAX);
        if (giveWay.kind() == null) {
            throw RuleViolation.invalid("giveWay.kind", "Say what gives way: REMOVE, MOVE or RAISE_CAPACITY");
        }
        return switch (giveWay.kind()) {
            case RAISE_CAPACITY -> {
                BigDecimal raised = Cycles.weeks("giveWay.personWeeks", giveWay.personWeeks());
                if (needed.compareTo(raised) > 0) {
                    throw new RuleViolation(ErrorCode.OVER_CAPACITY, "giveWay.personWeeks", over + ": "
                            + plain(raised) + " person-weeks are still too few (" + plain(needed) + " needed)");
                }
                jdbc.update("update cycle_capacity set person_weeks = ? where cycle_id = ? and team = ?", raised, cycle.id(), team);
                yield placed(pitch, cycle, at, placed, user, "team " + team + "'s capacity raised from " + plain(capacity)
                        + " to " + plain(raised) + " person-weeks", reason, null);
            }
            case REMOVE, MOVE -> {
                Pitch yielding = placed.stream().filter(p -> p.id().equals(giveWay.pitchId())).findFirst()
                        .orElseThrow(() -> RuleViolation.invalid("giveWay.pitchId", "Name a bet placed on " + cycle.name()));
                if (!yielding.team().equals(team)) {
                    throw RuleViolation.invalid("giveWay.pitchId", "That bet is team " + yielding.team() + "'s; it frees"
                            + " none of team " + team + "'s capacity");
                }
                if (needed.subtract(yielding.appetiteWeeks()).compareTo(capacity) > 0) {
                    throw new RuleViolation(ErrorCode.OVER_CAPACITY, "giveWay.pitchId", over + ": the bet that gives way"
                            + " frees " + plain(yielding.appetiteWeeks()) + ", too little");
                }
                yield giveWay.kind() == GiveWay.Kind.REMOVE
                        ? removed(pitch, cycle, at, placed, user, yielding, reason)
                        : moved(pitch, cycle, at, placed, user, yielding, giveWay.toCycleId(), reason);
            }
        };
    }

    /**
     * Signs a cycle's table; the second signature, by another leadership person, closes it: pitches it did not place
     * become NOT_PLACED, and every bet pitched to it gets a TABLE decision signed by both.
     */
    @Transactional
    @PreAuthorize("hasRole('leadership')")
    public Cycle sign(UUID cycleId, CurrentUser user) {
        Cycle cycle = cycles.openForChange(cycleId, "cycleId");
        List<CycleSignature> signatures = cycles.signatures(cycleId);
        if (signatures.stream().anyMatch(s -> s.signerId().equals(user.id()))) {
            throw new RuleViolation(ErrorCode.SAME_PERSON, "cycleId", "You signed this table already; a second leadership"
                    + " person closes it");
        }
        Instant now = StoredTime.now(clock);
        jdbc.update("insert into cycle_signature (cycle_id, signer_id, signed_at) values (?, ?, ?)", cycleId, user.id(),
                Timestamp.from(now));
        if (signatures.isEmpty()) {
            return cycle;
        }
        jdbc.update("update cycle set closed_at = ? where id = ?", Timestamp.from(now), cycleId);
        jdbc.update("update pitch set status = 'NOT_PLACED', reason = ? where cycle_id = ? and status = 'PITCHED'",
                "The table closed without it", cycleId);
        List<Signer> signers = new ArrayList<>();
        signers.add(new Signer(signatures.get(0).signerId(), null, Role.LEADERSHIP.group(), Answer.APPROVE.name(), null,
                signatures.get(0).signedAt()));
        signers.add(signer(user, now));
        List<Pitch> pitches = cycles.pitches(cycleId);
        claim(pitches.stream().map(Pitch::betId).toList());
        for (Pitch p : pitches) {
            String outcome = switch (p.status()) {
                case PLACED -> "placed at position " + p.position();
                case NOT_PLACED -> "not placed: the table closed without it";
                default -> "not placed: " + p.status().name().toLowerCase().replace('_', ' ') + " (" + p.reason() + ")";
            };
            decisionLog.append(p.betId(), NewDecision.changed(DecisionKind.TABLE, "The table of " + cycle.name()
                    + " closed; this bet was " + outcome, null, signers, List.of()));
        }
        return cycles.find(cycleId).orElseThrow();
    }

    /** A placement: the placed pitch, and the TABLE decision of each bet it touched (the placed bet's first). */
    public record Placement(Pitch pitch, List<Decision> decisions) {
    }

    private Placement removed(Pitch pitch, Cycle cycle, int at, List<Pitch> placed, CurrentUser user, Pitch yielding,
                              String reason) {
        jdbc.update("update pitch set status = 'GAVE_WAY', position = null, reason = ? where id = ?", reason, yielding.id());
        List<Pitch> rest = placed.stream().filter(p -> !p.id().equals(yielding.id())).toList();
        int position = Math.min(at, rest.size() + 1);
        return placed(pitch, cycle, position, rest, user, bet(yielding) + " removed from the table", reason, yielding);
    }

    private Placement moved(Pitch pitch, Cycle cycle, int at, List<Pitch> placed, CurrentUser user, Pitch yielding,
                            UUID toCycleId, String reason) {
        if (toCycleId == null) {
            throw RuleViolation.invalid("giveWay.toCycleId", "Name the later cycle the bet moves to");
        }
        Cycle later = cycles.find(toCycleId).orElseThrow(() -> RuleViolation.notFound("giveWay.toCycleId", "Cycle " + toCycleId));
        if (later.closed() || !later.startsOn().isAfter(cycle.startsOn())) {
            throw RuleViolation.invalid("giveWay.toCycleId", "A bet moves to an open cycle that starts after " + cycle.name());
        }
        if (cycles.capacity(later.id(), yielding.team()).isEmpty()) {
            throw RuleViolation.invalid("giveWay.toCycleId", later.name() + " plans no capacity for team " + yielding.team());
        }
        jdbc.update("update pitch set status = 'MOVED', position = null, reason = ? where id = ?", reason, yielding.id());
        cycles.insert(new Pitch(UUID.randomUUID(), yielding.betId(), later.id(), yielding.team(), yielding.appetiteWeeks(),
                user.id(), StoredTime.now(clock), Pitch.Status.PITCHED, null, null, null, null));
        List<Pitch> rest = placed.stream().filter(p -> !p.id().equals(yielding.id())).toList();
        int position = Math.min(at, rest.size() + 1);
        return placed(pitch, cycle, position, rest, user, bet(yielding) + " moved to " + later.name(), reason, yielding);
    }

    /** Places the pitch at {@code at} among the other placed ones; {@code gaveWay} says what made room, if anything did. */
    private Placement placed(Pitch pitch, Cycle cycle, int at, List<Pitch> placed, CurrentUser user, String gaveWay,
                             String reason, Pitch yielding) {
        Set<UUID> touched = new HashSet<>(List.of(pitch.betId()));
        if (yielding != null) {
            touched.add(yielding.betId());
        }
        claim(touched);
        Instant now = StoredTime.now(clock);
        // positions stay 1..n: the ones from `at` on move down one, after a removed one's gap closed
        for (int i = 0; i < placed.size(); i++) {
            int position = i + 1 < at ? i + 1 : i + 2;
            jdbc.update("update pitch set position = ? where id = ?", position, placed.get(i).id());
        }
        jdbc.update("update pitch set status = 'PLACED', position = ?, placed_by = ?, placed_at = ? where id = ?", at,
                user.id(), Timestamp.from(now), pitch.id());
        String context = bet(pitch) + " placed on " + cycle.name() + " at position " + at + " (" + plain(pitch.appetiteWeeks())
                + " person-weeks of team " + pitch.team() + ")" + (gaveWay == null ? "" : "; to make room, " + gaveWay);
        List<Signer> signers = List.of(signer(user, now));
        List<Decision> decisions = new ArrayList<>();
        decisions.add(decisionLog.append(pitch.betId(), NewDecision.changed(DecisionKind.TABLE, context, reason, signers, List.of())));
        if (yielding != null) {
            decisions.add(decisionLog.append(yielding.betId(), NewDecision.changed(DecisionKind.TABLE, context, reason,
                    signers, List.of())));
        }
        return new Placement(cycles.findPitch(pitch.id()).orElseThrow(), decisions);
    }

    private String bet(Pitch pitch) {
        return "'" + bets.get(pitch.betId(), "pitchId").getTitle() + "'";
    }

    private void claim(Collection<UUID> betIds) {
        betIds.stream().distinct().sorted().forEach(id -> bets.claimForChange(id, "pitchId"));
    }

    private Signer signer(CurrentUser user, Instant at) {
        return new Signer(user.id(), user.displayName(), Role.LEADERSHIP.group(), Answer.APPROVE.name(), null, at);
    }

    private static String plain(BigDecimal weeks) {
        return weeks.stripTrailingZeros().toPlainString();
    }


}
