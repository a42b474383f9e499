package io.tandem.outcome;

import io.tandem.bet.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** What the bets closed in a period achieved: verdicts, win rate, speed to commit or kill, changes, attainment. */
public record Scorecard(LocalDate from, LocalDate to, String team, int betsClosed, List<VerdictCount> byVerdict,
                        Double winRate, Double medianDaysFramingToCommitment, Double medianDaysToKill,
                        Double windowMovesPerBet, Double scopeCutsPerBet, Double successMetricAttainment) {

    /** The period's first instant: {@code from}'s start, in UTC. */
    public Instant start() {
        return from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The instant after the period: the day after {@code to}, in UTC (the period's days are both inclusive). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** How many closed bets ended with one verdict. */
    public record VerdictCount(Outcome verdict, int bets) {
    }
}
