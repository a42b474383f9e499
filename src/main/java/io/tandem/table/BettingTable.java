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
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cycles, pitches and placements. Every change to a cycle's table takes the cycle's row lock first, so two leaders
 * placing bets for the same team at once are checked against capacity one after the other; the bets a change logs
 * to are claimed (BetService.claimForChange) in id order.
 */
@Service
public class BettingTable {

    /** Person-weeks: at most this much in one team's capacity or one bet's appetite, to one decimal. */
    static final BigDecimal MAX_WEEKS = new BigDecimal("10000");
    static final int TEAMS_MAX = 50;

    private final JdbcTemplate jdbc;
    private final BetService bets;
    private final BriefService briefs;
    private final DecisionLog decisionLog;
    private final Clock clock;

    BettingTable(JdbcTemplate jdbc, BetService bets, BriefService briefs, DecisionLog decisionLog, Clock clock) {
        this.jdbc = jdbc;
        this.bets = bets;
        this.briefs = briefs;
        this.decisionLog = decisionLog;
        this.clock = clock;
    }

    /** A new cycle with each team's capacity; the name is unique, the end after the start. */
    @Transactional
    @PreAuthorize("hasRole('leadership')")
    public Cycle create(String name, LocalDate startsOn, LocalDate endsOn, List<CapacityDraft> capacity, CurrentUser user) {
        String cycleName = Texts.required("name", name, Texts.TITLE_MAX);
        if (startsOn == null || endsOn == null || !endsOn.isAfter(startsOn)) {
            throw RuleViolation.invalid("endsOn", "A cycle ends after it starts");
        }
        if (capacity.isEmpty() || capacity.size() > TEAMS_MAX) {
            throw RuleViolation.invalid("capacity", "Give the capacity of 1 to " + TEAMS_MAX + " teams");
        }
        Map<String, BigDecimal> teams = new LinkedHashMap<>();
        capacity.forEach(draft -> {
            String teamName = Texts.required("capacity.team", draft.team(), BetService.TEAM_MAX);
            if (teams.put(teamName, weeks("capacity.personWeeks", draft.personWeeks())) != null) {
                throw RuleViolation.invalid("capacity.team", "Team " + teamName + " is listed twice");
            }
        });
        Cycle cycle = new Cycle(UUID.randomUUID(), cycleName, startsOn, endsOn, user.id(), StoredTime.now(clock), null);
        try {
            jdbc.update("insert into cycle (id, name, starts_on, ends_on, created_by, created_at) values (?, ?, ?, ?, ?, ?)",
                    cycle.id(), cycle.name(), Date.valueOf(startsOn), Date.valueOf(endsOn), user.id(),
                    Timestamp.from(cycle.createdAt()));
        } catch (DuplicateKeyException e) {
            throw RuleViolation.invalid("name", "There is a cycle called " + cycleName + " already");
        }
        teams.forEach((team, weeks) -> jdbc.update(
                "insert into cycle_capacity (cycle_id, team, person_weeks) values (?, ?, ?)", cycle.id(), team, weeks));
        return cycle;
    }

    /**
     * Pitches a bet in framing to an open cycle that plans capacity for the bet's team, with the appetite its brief
     * names. Someone of the bet's product or engineering side pitches it (its lead, where the bet names one); a bet
     * waits on one open cycle's table at a time.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public Pitch pitch(UUID betId, UUID cycleId, CurrentUser user) {
        Cycle cycle = openForChange(cycleId, "cycleId");
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
        if (capacity(cycleId, bet.getTeam()).isEmpty()) {
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
        insert(pitch);
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
        Pitch pitch = pitch(pitchId, "pitchId");
        Cycle cycle = openForChange(pitch.cycleId(), "pitchId");
        pitch = pitch(pitchId, "pitchId");
        if (pitch.status() != Pitch.Status.PITCHED) {
            throw RuleViolation.invalid("pitchId", "This pitch is " + pitch.status() + ", not waiting for the table");
        }
        List<Pitch> placed = placed(cycle.id());
        int at = position == null ? placed.size() + 1 : position;
        if (at < 1 || at > placed.size() + 1) {
            throw RuleViolation.invalid("position", "Place it at 1 to " + (placed.size() + 1));
        }
        String team = pitch.team();
        BigDecimal capacity = capacity(cycle.id(), team).orElseThrow(() -> RuleViolation.invalid("pitchId",
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
                BigDecimal raised = weeks("giveWay.personWeeks", giveWay.personWeeks());
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
        Cycle cycle = openForChange(cycleId, "cycleId");
        List<CycleSignature> signatures = signatures(cycleId);
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
        List<Pitch> pitches = pitches(cycleId);
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
        return find(cycleId).orElseThrow();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public List<Cycle> cycles() {
        return jdbc.query("select * from cycle order by starts_on, name", BettingTable::cycle);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<Cycle> find(UUID id) {
        return jdbc.query("select * from cycle where id = ?", BettingTable::cycle, id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<Pitch> findPitch(UUID id) {
        return jdbc.query("select * from pitch where id = ?", BettingTable::pitch, id).stream().findFirst();
    }

    /** Every pitch of the cycle: placed ones in table order, then the rest as pitched. */
    @Transactional(readOnly = true)
    public List<Pitch> pitches(UUID cycleId) {
        return jdbc.query("select * from pitch where cycle_id = ? order by position nulls last, pitched_at, id",
                BettingTable::pitch, cycleId);
    }

    @Transactional(readOnly = true)
    public List<Pitch> pitchesOfBets(Collection<UUID> betIds) {
        return jdbc.query("select * from pitch where bet_id = any(?) order by pitched_at, id", BettingTable::pitch,
                (Object) betIds.toArray(UUID[]::new));
    }

    @Transactional(readOnly = true)
    public List<TeamCapacity> capacity(UUID cycleId) {
        return jdbc.query("""
                select c.team, c.person_weeks, coalesce(sum(p.appetite_weeks), 0) as placed
                  from cycle_capacity c left join pitch p on p.cycle_id = c.cycle_id and p.team = c.team and p.status = 'PLACED'
                 where c.cycle_id = ? group by c.team, c.person_weeks order by c.team""",
                (rs, n) -> new TeamCapacity(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), cycleId);
    }

    @Transactional(readOnly = true)
    public List<CycleSignature> signatures(UUID cycleId) {
        return jdbc.query("select signer_id, signed_at from cycle_signature where cycle_id = ? order by signed_at",
                (rs, n) -> new CycleSignature(rs.getString(1), rs.getTimestamp(2).toInstant()), cycleId);
    }

    /** A team's capacity as a new cycle is given it. */
    public record CapacityDraft(String team, BigDecimal personWeeks) {
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
        Cycle later = find(toCycleId).orElseThrow(() -> RuleViolation.notFound("giveWay.toCycleId", "Cycle " + toCycleId));
        if (later.closed() || !later.startsOn().isAfter(cycle.startsOn())) {
            throw RuleViolation.invalid("giveWay.toCycleId", "A bet moves to an open cycle that starts after " + cycle.name());
        }
        if (capacity(later.id(), yielding.team()).isEmpty()) {
            throw RuleViolation.invalid("giveWay.toCycleId", later.name() + " plans no capacity for team " + yielding.team());
        }
        jdbc.update("update pitch set status = 'MOVED', position = null, reason = ? where id = ?", reason, yielding.id());
        insert(new Pitch(UUID.randomUUID(), yielding.betId(), later.id(), yielding.team(), yielding.appetiteWeeks(),
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
        return new Placement(findPitch(pitch.id()).orElseThrow(), decisions);
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

    private Cycle lock(UUID cycleId, String field) {
        return jdbc.query("select * from cycle where id = ? for update", BettingTable::cycle, cycleId).stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound(field, "Cycle " + cycleId));
    }

    private Cycle openForChange(UUID cycleId, String field) {
        Cycle cycle = lock(cycleId, field);
        if (cycle.closed()) {
            throw new RuleViolation(ErrorCode.CYCLE_CLOSED, field, "The table of " + cycle.name() + " closed at "
                    + cycle.closedAt());
        }
        return cycle;
    }

    private Pitch pitch(UUID pitchId, String field) {
        return jdbc.query("select * from pitch where id = ?", BettingTable::pitch, pitchId).stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound(field, "Pitch " + pitchId));
    }

    private List<Pitch> placed(UUID cycleId) {
        return jdbc.query("select * from pitch where cycle_id = ? and status = 'PLACED' order by position",
                BettingTable::pitch, cycleId);
    }

    private Optional<BigDecimal> capacity(UUID cycleId, String team) {
        return jdbc.queryForList("select person_weeks from cycle_capacity where cycle_id = ? and team = ?", BigDecimal.class,
                cycleId, team).stream().findFirst();
    }

    private void insert(Pitch p) {
        jdbc.update("""
                insert into pitch (id, bet_id, cycle_id, team, appetite_weeks, pitched_by, pitched_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", p.id(), p.betId(), p.cycleId(), p.team(), p.appetiteWeeks(),
                p.pitchedBy(), Timestamp.from(p.pitchedAt()), p.status().name());
    }

    /** Person-weeks: more than 0, at most MAX_WEEKS, to one decimal. */
    private static BigDecimal weeks(String field, BigDecimal weeks) {
        if (weeks == null || weeks.signum() <= 0 || weeks.compareTo(MAX_WEEKS) > 0) {
            throw RuleViolation.invalid(field, "Person-weeks are more than 0 and at most " + plain(MAX_WEEKS));
        }
        if (weeks.stripTrailingZeros().scale() > 1) {
            throw RuleViolation.invalid(field, "Person-weeks have at most one decimal");
        }
        return weeks.setScale(1, RoundingMode.UNNECESSARY);
    }

    private static String plain(BigDecimal weeks) {
        return weeks.stripTrailingZeros().toPlainString();
    }

    private static Cycle cycle(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Cycle(rs.getObject("id", UUID.class), rs.getString("name"), rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }

    private static Pitch pitch(ResultSet rs, int n) throws SQLException {
        Timestamp placedAt = rs.getTimestamp("placed_at");
        return new Pitch(rs.getObject("id", UUID.class), rs.getObject("bet_id", UUID.class), rs.getObject("cycle_id", UUID.class),
                rs.getString("team"), rs.getBigDecimal("appetite_weeks"), rs.getString("pitched_by"),
                rs.getTimestamp("pitched_at").toInstant(), Pitch.Status.valueOf(rs.getString("status")),
                (Integer) rs.getObject("position"), rs.getString("placed_by"), placedAt == null ? null : placedAt.toInstant(),
                rs.getString("reason"));
    }
}
