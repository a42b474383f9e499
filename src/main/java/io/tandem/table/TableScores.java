package io.tandem.table;

import io.tandem.ask.Asks;
import io.tandem.security.Roles;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the betting table's choices came to: per cycle, per leader who placed bets, per team's capacity. */
@Service
public class TableScores {

    private final JdbcTemplate jdbc;
    private final Asks asks;

    TableScores(JdbcTemplate jdbc, Asks asks) {
        this.jdbc = jdbc;
        this.asks = asks;
    }

    /** What became of the bets placed on a cycle, and of those moved on to a later one. */
    public record CycleResults(int placed, int won, int lost, int inconclusive, int killed, int open, int carriedOver) {
    }

    /** A leader's table record and the costs of their asks (ask/Asks.LeaderCosts). */
    public record LeaderRecord(String userId, int betsPlaced, int won, Double winRate, int asksMade, int costsPromised,
                               int paidAsStated, int paidMore, int paidLess) {
    }

    public record TeamCapacityUse(String team, BigDecimal plannedWeeks, BigDecimal placedWeeks) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public CycleResults results(UUID cycleId) {
        return jdbc.queryForObject("""
                select count(*) filter (where p.status = 'PLACED'),
                       count(*) filter (where p.status = 'PLACED' and b.outcome = 'WON'),
                       count(*) filter (where p.status = 'PLACED' and b.outcome = 'LOST'),
                       count(*) filter (where p.status = 'PLACED' and b.outcome = 'INCONCLUSIVE'),
                       count(*) filter (where p.status = 'PLACED' and b.outcome = 'KILLED'),
                       count(*) filter (where p.status = 'PLACED' and b.closed_at is null),
                       count(*) filter (where p.status = 'MOVED')
                  from pitch p join bet b on b.id = p.bet_id where p.cycle_id = ?""",
                (rs, n) -> new CycleResults(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getInt(7)), cycleId);
    }

    /**
     * Per leader, the bets they placed that closed in [start, end), of one team or all, and the asks they made in it;
     * most placed first, then most asks.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public List<LeaderRecord> leaders(Instant start, Instant end, String team) {
        Map<String, Asks.LeaderCosts> costs = asks.costsByLeader(start, end, team);
        List<LeaderRecord> leaders = new ArrayList<>();
        Set<String> placers = new HashSet<>();
        for (LeaderRecord placer : placers(start, end, team)) {
            placers.add(placer.userId());
            leaders.add(withCosts(placer, costs.getOrDefault(placer.userId(), Asks.LeaderCosts.NONE)));
        }
        costs.entrySet().stream().filter(e -> !placers.contains(e.getKey()))
                .sorted(Comparator.comparing((Map.Entry<String, Asks.LeaderCosts> e) -> -e.getValue().asksMade())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> leaders.add(withCosts(new LeaderRecord(e.getKey(), 0, 0, null, 0, 0, 0, 0, 0), e.getValue())));
        return leaders;
    }

    private static LeaderRecord withCosts(LeaderRecord r, Asks.LeaderCosts c) {
        return new LeaderRecord(r.userId(), r.betsPlaced(), r.won(), r.winRate(), c.asksMade(), c.costsPromised(),
                c.paidAsStated(), c.paidMore(), c.paidLess());
    }

    private List<LeaderRecord> placers(Instant start, Instant end, String team) {
        return jdbc.query("""
                select p.placed_by, count(distinct p.bet_id),
                       count(distinct p.bet_id) filter (where b.outcome = 'WON'),
                       count(distinct p.bet_id) filter (where b.outcome in ('WON', 'LOST', 'INCONCLUSIVE'))
                  from pitch p join bet b on b.id = p.bet_id
                 where p.status = 'PLACED' and b.closed_at >= ? and b.closed_at < ? and (?::varchar is null or b.team = ?)
                 group by p.placed_by order by 2 desc, 1""",
                (rs, n) -> new LeaderRecord(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getInt(4) == 0 ? null : (double) rs.getInt(3) / rs.getInt(4), 0, 0, 0, 0, 0),
                Timestamp.from(start), Timestamp.from(end), team, team);
    }

    /** Per team, capacity planned and placed over the cycles that start from {@code from} to {@code to}, both inclusive. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public List<TeamCapacityUse> teamCapacity(LocalDate from, LocalDate to, String team) {
        return jdbc.query("""
                select c.team, sum(c.person_weeks),
                       coalesce(sum((select sum(p.appetite_weeks) from pitch p
                                      where p.cycle_id = c.cycle_id and p.team = c.team and p.status = 'PLACED')), 0)
                  from cycle_capacity c join cycle y on y.id = c.cycle_id
                 where y.starts_on between ? and ? and (?::varchar is null or c.team = ?)
                 group by c.team order by c.team""",
                (rs, n) -> new TeamCapacityUse(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
                Date.valueOf(from), Date.valueOf(to), team, team);
    }
}
