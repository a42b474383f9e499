package io.tandem.outcome;

import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.decision.SignOffs;
import io.tandem.security.Roles;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Non-goals that held: at the outcome review each side, approving a verdict, attests for every non-goal of the bet's
 * brief whether it held; a breached non-goal needs a note. The passed review's entry lists them; the scorecard counts
 * the breached ones as scope creep.
 */
@Service
public class NonGoalAttestations {

    /** An attestation's round passed: both sides approved the verdict in it. */
    private static final String PASSED = SignOffs.outcomeReviewPassed("a");

    private final JdbcTemplate jdbc;
    private final BriefService briefs;
    private final Clock clock;

    NonGoalAttestations(JdbcTemplate jdbc, BriefService briefs, Clock clock) {
        this.jdbc = jdbc;
        this.briefs = briefs;
        this.clock = clock;
    }

    /** The non-goals of the bet's brief, in its order: what an outcome approval attests. */
    @Transactional(readOnly = true)
    public List<String> nonGoals(UUID betId) {
        return briefs.latest(betId).map(BriefRevision::getContent).map(c -> c.nonGoals()).orElse(List.of());
    }

    /**
     * Records one side's attestations in an outcome review round: exactly one for each non-goal of the brief (INVALID_INPUT
     * naming what is missing, unknown or given twice), a note for each breached one.
     */
    @Transactional
    public void attest(UUID betId, UUID roundId, String side, String signerId, List<NonGoalAttestation> given) {
        List<String> nonGoals = nonGoals(betId);
        Map<String, NonGoalAttestation> byNonGoal = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            NonGoalAttestation a = given.get(i);
            String field = "nonGoals[" + i + "]";
            if (a == null || a.nonGoal() == null || !nonGoals.contains(a.nonGoal())) {
                throw RuleViolation.invalid(field + ".nonGoal", "Not a non-goal of the bet's brief: "
                        + (a == null ? null : a.nonGoal()));
            }
            if (a.held() == null) {
                throw RuleViolation.invalid(field + ".held", "Say whether '" + a.nonGoal() + "' held");
            }
            String note = Texts.optional(field + ".note", a.note(), Texts.SHORT_TEXT_MAX);
            if (!a.held() && note == null) {
                throw RuleViolation.invalid(field + ".note", "'" + a.nonGoal() + "' was breached: say how, in a note");
            }
            if (byNonGoal.put(a.nonGoal(), new NonGoalAttestation(a.nonGoal(), a.held(), note)) != null) {
                throw RuleViolation.invalid(field + ".nonGoal", "'" + a.nonGoal() + "' is attested twice");
            }
        }
        List<String> missing = nonGoals.stream().filter(n -> !byNonGoal.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw RuleViolation.invalid("nonGoals", "Attest for every non-goal of the brief whether it held; missing "
                    + missing.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")));
        }
        Instant now = StoredTime.now(clock);
        for (int position = 0; position < nonGoals.size(); position++) {
            NonGoalAttestation a = byNonGoal.get(nonGoals.get(position));
            jdbc.update("""
                    insert into non_goal_attestation (id, bet_id, round_id, role, signer_id, position, non_goal, held, note,
                                                      attested_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), betId, roundId, side, signerId, position,
                    a.nonGoal(), a.held(), a.note(), Timestamp.from(now));
        }
    }

    /** What both sides attested in the round, as the passed review's entry says it; null when the brief has no non-goals. */
    @Transactional(readOnly = true)
    public String summary(UUID roundId) {
        List<Attested> round = jdbc.query("select * from non_goal_attestation where round_id = ? order by position, role",
                NonGoalAttestations::attested, roundId);
        if (round.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        round.stream().collect(Collectors.groupingBy(Attested::position, LinkedHashMap::new, Collectors.toList()))
                .forEach((position, sides) -> lines.add("'" + sides.get(0).nonGoal() + "' " + sides.stream()
                        .map(a -> a.side() + (a.held() ? " says it held" : " says it was breached: " + a.note()))
                        .collect(Collectors.joining(", "))));
        return "Non-goals: " + String.join("; ", lines);
    }

    /** The attestations of these bets' passed outcome reviews (a round one side answered with changes does not count). */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public List<Attested> of(Collection<UUID> betIds) {
        return jdbc.query("select a.* from non_goal_attestation a where a.bet_id = any(?) and " + PASSED
                + " order by a.position, a.role", NonGoalAttestations::attested, (Object) betIds.toArray(UUID[]::new));
    }

    /** Non-goals either side attested breached, over the passed reviews of the bets closed in [start, end), of one team or all. */
    @Transactional(readOnly = true)
    int breachedOfBetsClosed(Instant start, Instant end, String team) {
        Integer breached = jdbc.queryForObject("""
                select count(distinct (a.bet_id, a.position)) from non_goal_attestation a join bet b on b.id = a.bet_id
                 where not a.held and b.closed_at >= ? and b.closed_at < ? and (?::varchar is null or b.team = ?) and\s"""
                + PASSED,
                Integer.class, Timestamp.from(start), Timestamp.from(end), team, team);
        return breached == null ? 0 : breached;
    }

    /** An attestation as recorded. */
    public record Attested(UUID betId, String side, String signerId, int position, String nonGoal, boolean held,
                           String note, Instant attestedAt) {
    }

    private static Attested attested(ResultSet rs, int n) throws SQLException {
        return new Attested(rs.getObject("bet_id", UUID.class), rs.getString("role"), rs.getString("signer_id"),
                rs.getInt("position"), rs.getString("non_goal"), rs.getBoolean("held"), rs.getString("note"),
                rs.getTimestamp("attested_at").toInstant());
    }
}
