package io.tandem.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.StatementCounter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.ResponseError;

/**
 * Scorecards over a team of its own (so other tests' bets cannot interfere): one bet WON after a window move
 * and a scope cut, one LOST after a window move, one KILLED, one still open, and a killed bet of another team.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardTest extends GraphQlTestBase {

    private static final double NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    private final String team = "Scorecard team " + System.nanoTime();
    /** Wide enough that a run across midnight UTC still covers every close. */
    private final LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private final LocalDate to = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    private String won;
    private String lost;
    private String killed;

    @BeforeAll
    void closeAWonALostAndAKilledBetOfTheTeam() {
        createDriver();
        won = committed();
        moveWindow(won);
        cutScope(won);
        review(won, 3.4, "WON");
        lost = committed();
        moveWindow(lost);
        review(lost, 2.1, "LOST");
        killed = driver.createBet("priya", "team", team);
        driver.mutateOk("erin", "proposeKill", input("betId", killed, "rationale", "A competitor shipped it first"));
        assertThat(driver.sign("priya", killed, "KILL").bet()).containsEntry("outcome", "KILLED");
        driver.createBet("priya", "team", team);
        String otherTeams = driver.createBet("priya", "team", team + " (other)");
        driver.mutateOk("erin", "proposeKill", input("betId", otherTeams, "rationale", "Not ours"));
        assertThat(driver.sign("priya", otherTeams, "KILL").bet()).containsEntry("outcome", "KILLED");
    }

    @Test
    void aggregatesWhatTheTeamsClosedBetsAchieved() {
        Map<String, Object> card = scorecard(input("from", from.toString(), "to", to.toString(), "team", team));

        assertThat(card).containsEntry("team", team).containsEntry("from", from.toString()).containsEntry("to", to.toString())
                .containsEntry("betsClosed", 3)
                .containsEntry("byVerdict", List.of(verdict("WON", 1), verdict("LOST", 1), verdict("INCONCLUSIVE", 0), verdict("KILLED", 1)))
                .containsEntry("winRate", 0.5)
                // two window moves and one scope cut over three closed bets
                .containsEntry("windowMovesPerBet", 2.0 / 3)
                .containsEntry("scopeCutsPerBet", 1.0 / 3)
                // WON met its one target (3.4 ≥ 3.0), LOST did not (2.1 < 3.0)
                .containsEntry("successMetricAttainment", 0.5);
        double wonToCommitment = daysToCommitment(won);
        double lostToCommitment = daysToCommitment(lost);
        assertThat((Double) card.get("medianDaysFramingToCommitment")).isPositive()
                .isCloseTo((wonToCommitment + lostToCommitment) / 2, within(1e-9));
        assertThat((Double) card.get("medianDaysToKill")).isPositive()
                .isCloseTo(days(timeline(killed).get("createdAt"), timeline(killed).get("closedAt")), within(1e-9));
    }

    @Test
    void aPeriodWithoutClosedBetsHasNoRatesOrMedians() {
        LocalDate tomorrow = to.plusDays(1);

        Map<String, Object> card = scorecard(input("from", tomorrow.toString(), "to", tomorrow.plusDays(30).toString(), "team", team));

        assertThat(card).containsEntry("betsClosed", 0)
                .containsEntry("byVerdict", List.of(verdict("WON", 0), verdict("LOST", 0), verdict("INCONCLUSIVE", 0), verdict("KILLED", 0)))
                .containsEntry("winRate", null).containsEntry("medianDaysFramingToCommitment", null)
                .containsEntry("medianDaysToKill", null).containsEntry("windowMovesPerBet", null)
                .containsEntry("scopeCutsPerBet", null).containsEntry("successMetricAttainment", null);
    }

    @Test
    void aTeamScorecardCostsAsManyStatementsAsOneForEveryTeam() {
        StatementCounter.reset();
        scorecard(input("from", from.toString(), "to", to.toString(), "team", team));
        long oneTeam = StatementCounter.count();
        StatementCounter.reset();
        Map<String, Object> all = scorecard(input("from", from.toString(), "to", to.toString()));
        long everyTeam = StatementCounter.count();

        assertThat(all).containsEntry("team", null);
        assertThat((Integer) all.get("betsClosed")).isGreaterThanOrEqualTo(4);
        assertThat(oneTeam).isPositive();
        assertThat(everyTeam).isEqualTo(oneTeam);
    }

    @Test
    @SuppressWarnings("unchecked")
    void betsShowAndFilterByTheirTeam() {
        assertThat(timeline(won)).containsEntry("team", team);
        Map<String, Object> page = as("lena").document("query($team: String) { bets(filterBy: {team: $team}) { totalCount } }")
                .variable("team", team).execute().path("bets").entity(Map.class).get();
        assertThat(page).containsEntry("totalCount", 4);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertBadRequest(input("from", to.toString(), "to", from.toString()));
    }

    @Test
    void refusesAPeriodOverFiveYearsButServesExactlyFive() {
        assertBadRequest(input("from", "2020-01-01", "to", "2025-01-02"));
        assertThat(scorecard(input("from", "2020-01-01", "to", "2025-01-01", "team", team))).containsEntry("betsClosed", 0);
    }

    /** A bet of the team in delivery, measured PT1S after delivery. */
    private String committed() {
        String bet = driver.createBet("priya", "team", team, "measurementPeriod", "PT1S");
        driver.commit(bet);
        return bet;
    }

    private void moveWindow(String bet) {
        driver.mutateOk("erin", "requestWindowChange", input("betId", bet,
                "newWindow", LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString(), "rationale", "The provider moved its API freeze"));
        assertThat(driver.sign("priya", bet, "CHANGE").ok()).isTrue();
    }

    private void cutScope(String bet) {
        driver.mutateOk("priya", "requestScopeChange", input("betId", bet, "newScope", "Cards only", "cut", true,
                "customerHarm", "Wallet users keep today's flow for one more quarter", "rationale", "Wallet SDK is late"));
        assertThat(driver.sign("erin", bet, "CHANGE").ok()).isTrue();
    }

    /** Delivered, measured, an actual recorded for the brief's one metric (2.0 → 3.0), verdict signed by both. */
    private void review(String bet, double actual, String verdict) {
        driver.mutateOk("erin", "markDelivered", input("betId", bet));
        driver.mutateOk("priya", "confirmDelivery", input("betId", bet));
        await().atMost(Duration.ofSeconds(30)).until(() -> driver.stage(bet).equals("OUTCOME_REVIEW"));
        driver.mutateOk("priya", "recordOutcome", input("betId", bet,
                "actuals", List.of(input("metric", "checkout conversion", "actual", actual)),
                "whatWeLearned", "Reached " + actual, "whatWeWouldDoDifferently", "Measure sooner", "recommendation", "ITERATE"));
        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", verdict).ok()).isTrue();
        assertThat(driver.sign("erin", bet, "OUTCOME_REVIEW", "outcomeVerdict", verdict).bet()).containsEntry("outcome", verdict);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scorecard(Map<String, Object> input) {
        return as("ivan").documentName("scorecard").variable("input", input).execute().path("scorecard").entity(Map.class).get();
    }

    private void assertBadRequest(Map<String, Object> input) {
        List<ResponseError> errors = new ArrayList<>();
        as("lena").documentName("scorecard").variable("input", input).execute()
                .errors().satisfy(errors::addAll)
                // the scorecard is non-null in the schema, so a refused field nulls the whole data
                .path("").valueIsNull();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST");
            assertThat(error.getMessage()).isNotBlank().doesNotContain("Exception");
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> timeline(String bet) {
        return as("lena").documentName("betTimeline").variable("id", bet).execute().path("bet").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private double daysToCommitment(String bet) {
        Map<String, Object> timeline = timeline(bet);
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) ((Map<String, Object>) timeline.get("decisions")).get("nodes");
        Object committedAt = decisions.stream().filter(d -> d.get("kind").equals("COMMITMENT")).findFirst().orElseThrow().get("recordedAt");
        return days(timeline.get("createdAt"), committedAt);
    }

    private static double days(Object start, Object end) {
        return Duration.between(Instant.parse((String) start), Instant.parse((String) end)).toNanos() / NANOS_PER_DAY;
    }

    private static Map<String, Object> verdict(String verdict, int bets) {
        return Map.of("verdict", verdict, "bets", bets);
    }
}
