package io.tandem.outcome;

import io.tandem.bet.Outcome;
import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.decision.DecisionKind;
import io.tandem.security.Roles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scorecards: outcomes over outputs. Three statements whatever the period holds: one row per closed bet with
 * its decision-log figures, then the bets' latest outcome reports and the briefs those were measured against.
 */
@Service
public class ScorecardService {

    private static final double NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    /** One closed bet with what its decision log says about it. */
    private record ClosedBet(UUID id, Outcome outcome, Instant createdAt, Instant closedAt, Instant committedAt,
                             long windowMoves, long scopeCuts) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final OutcomeService outcomes;
    private final BriefService briefs;

    ScorecardService(NamedParameterJdbcTemplate jdbc, OutcomeService outcomes, BriefService briefs) {
        this.jdbc = jdbc;
        this.outcomes = outcomes;
        this.briefs = briefs;
    }

    /** The bets closed from {@code from} to {@code to}, both UTC days inclusive, of one team or all (null). */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Scorecard scorecard(LocalDate from, LocalDate to, String team) {
        List<ClosedBet> closed = closedBets(from, to, team);
        int won = count(closed, b -> b.outcome() == Outcome.WON);
        int reviewed = count(closed, b -> b.outcome() != Outcome.KILLED);
        List<Scorecard.VerdictCount> byVerdict = Arrays.stream(Outcome.values()).filter(v -> v != Outcome.VOIDED)
                .map(v -> new Scorecard.VerdictCount(v, count(closed, b -> b.outcome() == v))).toList();
        return new Scorecard(from, to, team, closed.size(), byVerdict,
                reviewed == 0 ? null : (double) won / reviewed,
                median(closed.stream().filter(b -> b.committedAt() != null).map(b -> days(b.createdAt(), b.committedAt())).toList()),
                median(closed.stream().filter(b -> b.outcome() == Outcome.KILLED).map(b -> days(b.createdAt(), b.closedAt())).toList()),
                perBet(closed.stream().mapToLong(ClosedBet::windowMoves).sum(), closed.size()),
                perBet(closed.stream().mapToLong(ClosedBet::scopeCuts).sum(), closed.size()),
                attainment(closed));
    }

    private List<ClosedBet> closedBets(LocalDate from, LocalDate to, String team) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("start", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .addValue("end", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .addValue("commitment", DecisionKind.COMMITMENT.name())
                .addValue("windowMoved", DecisionKind.WINDOW_MOVED.name())
                .addValue("scopeCut", DecisionKind.SCOPE_CUT.name())
                .addValue("voided", Outcome.VOIDED.name())
                .addValue("team", team);
        String sql = """
                select b.id, b.outcome, b.created_at, b.closed_at,
                       min(d.recorded_at) filter (where d.kind = :commitment) as committed_at,
                       count(d.id) filter (where d.kind = :windowMoved) as window_moves,
                       count(d.id) filter (where d.kind = :scopeCut) as scope_cuts
                from bet b
                left join decision d on d.bet_id = b.id
                where b.closed_at >= :start and b.closed_at < :end and b.outcome <> :voided %s
                group by b.id
                """.formatted(team == null ? "" : "and b.team = :team");
        return jdbc.query(sql, params, (rs, row) -> new ClosedBet(rs.getObject("id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
                instant(rs.getObject("created_at", OffsetDateTime.class)), instant(rs.getObject("closed_at", OffsetDateTime.class)),
                instant(rs.getObject("committed_at", OffsetDateTime.class)), rs.getLong("window_moves"), rs.getLong("scope_cuts")));
    }

    /** The share of success metrics with a target that met it, over the closed bets' latest outcome reports. */
    private Double attainment(List<ClosedBet> closed) {
        Map<UUID, OutcomeReport> reports = outcomes.latest(closed.stream().map(ClosedBet::id).toList());
        if (reports.isEmpty()) {
            return null;
        }
        Map<UUID, BriefRevision> measuredAgainst = briefs.latest(reports.keySet());
        List<Boolean> met = reports.values().stream()
                .flatMap(r -> MetricAttainment.of(r.getActuals(), measuredAgainst.containsKey(r.getBetId())
                        ? measuredAgainst.get(r.getBetId()).getContent() : null).stream())
                .map(MetricAttainment::metTarget).filter(Objects::nonNull).toList();
        return met.isEmpty() ? null : (double) met.stream().filter(Boolean::booleanValue).count() / met.size();
    }

    private static int count(List<ClosedBet> closed, Predicate<ClosedBet> which) {
        return (int) closed.stream().filter(which).count();
    }

    private static Double perBet(long total, int bets) {
        return bets == 0 ? null : (double) total / bets;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Fractional days, so bets that commit or die within a day still count as different speeds. */
    private static double days(Instant start, Instant end) {
        return Duration.between(start, end).toNanos() / NANOS_PER_DAY;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
