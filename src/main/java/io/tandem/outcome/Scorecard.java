package io.tandem.outcome;

import io.tandem.bet.Outcome;
import java.time.LocalDate;
import java.util.List;

/** What the bets closed in a period achieved: verdicts, win rate, speed to commit or kill, changes, attainment. */
public record Scorecard(LocalDate from, LocalDate to, String team, int betsClosed, List<VerdictCount> byVerdict,
                        Double winRate, Double medianDaysFramingToCommitment, Double medianDaysToKill,
                        Double windowMovesPerBet, Double scopeCutsPerBet, Double successMetricAttainment) {

    /** How many closed bets ended with one verdict. */
    public record VerdictCount(Outcome verdict, int bets) {
    }
}
