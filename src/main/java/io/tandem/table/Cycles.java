package io.tandem.table;

import io.tandem.bet.BetService;
import io.tandem.security.CurrentUser;
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
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The betting table's records: cycles with each team's capacity, the pitches and their places, the signatures on a
 * table. Creates cycles and reads them; BettingTable changes what is on a table.
 */
@Service
public class Cycles {

    /** Person-weeks: at most this much in one team's capacity or one bet's appetite, to one decimal. */
    static final BigDecimal MAX_WEEKS = new BigDecimal("10000");
    static final int TEAMS_MAX = 50;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Cycles(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
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

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public List<Cycle> cycles() {
        return jdbc.query("select * from cycle order by starts_on, name", Cycles::cycle);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<Cycle> find(UUID id) {
        return jdbc.query("select * from cycle where id = ?", Cycles::cycle, id).stream().findFirst();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<Pitch> findPitch(UUID id) {
        return jdbc.query("select * from pitch where id = ?", Cycles::pitch, id).stream().findFirst();
    }

    /** Every pitch of the cycle: placed ones in table order, then the rest as pitched. */
    @Transactional(readOnly = true)
    public List<Pitch> pitches(UUID cycleId) {
        return jdbc.query("select * from pitch where cycle_id = ? order by position nulls last, pitched_at, id",
                Cycles::pitch, cycleId);
    }

    @Transactional(readOnly = true)
    public List<Pitch> pitchesOfBets(Collection<UUID> betIds) {
        return jdbc.query("select * from pitch where bet_id = any(?) order by pitched_at, id", Cycles::pitch,
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

    /** The cycle, its row locked until the transaction ends: changes to one table take turns. */
    Cycle lock(UUID cycleId, String field) {
        return jdbc.query("select * from cycle where id = ? for update", Cycles::cycle, cycleId).stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound(field, "Cycle " + cycleId));
    }

    /** As {@link #lock}, and CYCLE_CLOSED once two leaders closed its table. */
    Cycle openForChange(UUID cycleId, String field) {
        Cycle cycle = lock(cycleId, field);
        if (cycle.closed()) {
            throw new RuleViolation(ErrorCode.CYCLE_CLOSED, field, "The table of " + cycle.name() + " closed at "
                    + cycle.closedAt());
        }
        return cycle;
    }

    Pitch pitch(UUID pitchId, String field) {
        return jdbc.query("select * from pitch where id = ?", Cycles::pitch, pitchId).stream().findFirst()
                .orElseThrow(() -> RuleViolation.notFound(field, "Pitch " + pitchId));
    }

    /** The cycle's table, in order. */
    List<Pitch> placed(UUID cycleId) {
        return jdbc.query("select * from pitch where cycle_id = ? and status = 'PLACED' order by position",
                Cycles::pitch, cycleId);
    }

    Optional<BigDecimal> capacity(UUID cycleId, String team) {
        return jdbc.queryForList("select person_weeks from cycle_capacity where cycle_id = ? and team = ?", BigDecimal.class,
                cycleId, team).stream().findFirst();
    }

    void insert(Pitch p) {
        jdbc.update("""
                insert into pitch (id, bet_id, cycle_id, team, appetite_weeks, pitched_by, pitched_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", p.id(), p.betId(), p.cycleId(), p.team(), p.appetiteWeeks(),
                p.pitchedBy(), Timestamp.from(p.pitchedAt()), p.status().name());
    }

    /** Person-weeks: more than 0, at most MAX_WEEKS, to one decimal. */
    static BigDecimal weeks(String field, BigDecimal weeks) {
        if (weeks == null || weeks.signum() <= 0 || weeks.compareTo(MAX_WEEKS) > 0) {
            throw RuleViolation.invalid(field, "Person-weeks are more than 0 and at most " + MAX_WEEKS.toPlainString());
        }
        if (weeks.stripTrailingZeros().scale() > 1) {
            throw RuleViolation.invalid(field, "Person-weeks have at most one decimal");
        }
        return weeks.setScale(1, RoundingMode.UNNECESSARY);
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
