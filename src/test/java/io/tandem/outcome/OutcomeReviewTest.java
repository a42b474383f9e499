package io.tandem.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outcome review as product and engineering see it: actuals against the brief's baselines and targets,
 * the non-goals listed again, two learnings and a recommendation, all carried into the signed verdict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeReviewTest extends GraphQlTestBase {

    private static final String CONVERSION = "checkout conversion";
    private static final String TIME_TO_PAY = "time to pay";
    private static final List<String> NON_GOALS = List.of("Redesigning the cart", "Adding payment providers");

    /** A bet waiting for its outcome, shared by the refusal cases (none of which may change it). */
    private String waitingForOutcome;

    @BeforeAll
    void openAnOutcomeReview() {
        createDriver();
        waitingForOutcome = betInOutcomeReview();
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsAttainmentPerMetricTheNonGoalsLearningsAndRecommendationAndSignsThemIntoTheVerdict() {
        String bet = betInOutcomeReview();

        driver.mutateOk("priya", "recordOutcome", outcome(bet));

        Map<String, Object> report = (Map<String, Object>) driver.state(bet).get("outcomeReport");
        assertThat((List<Map<String, Object>>) report.get("actuals")).containsExactly(
                Map.of("metric", CONVERSION, "actual", 3.4, "baseline", 2.0, "target", 3.0, "metTarget", true),
                Map.of("metric", TIME_TO_PAY, "actual", 75.0, "baseline", 90.0, "target", 60.0, "metTarget", false));
        assertThat(report).containsEntry("nonGoals", NON_GOALS)
                .containsEntry("whatWeLearned", "Fewer fields beat more payment methods")
                .containsEntry("whatWeWouldDoDifferently", "Measure time to pay per field from day one")
                .containsEntry("recommendation", "ITERATE");

        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "INCONCLUSIVE").ok()).isTrue();
        assertThat(driver.sign("erin", bet, "OUTCOME_REVIEW", "outcomeVerdict", "INCONCLUSIVE").bet())
                .containsEntry("stage", "CLOSED").containsEntry("outcome", "INCONCLUSIVE");
        Map<String, Object> verdict = decisions(bet).stream().filter(d -> d.get("kind").equals("OUTCOME_VERDICT"))
                .findFirst().orElseThrow();
        assertThat((String) verdict.get("context")).contains(
                "checkout conversion = 3.4", "time to pay = 75.0",
                "What we learned: Fewer fields beat more payment methods",
                "What we would do differently: Measure time to pay per field from day one",
                "Recommendation: ITERATE");
        assertThat(verdict).containsEntry("chosenOption", "INCONCLUSIVE");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a metric without an actual", "actuals", (Consumer<Map<String, Object>>) input ->
                        input.put("actuals", List.of(Map.of("metric", CONVERSION, "actual", 3.4)))),
                Arguments.of("a metric the brief does not have", "actuals[2].metric", (Consumer<Map<String, Object>>) input ->
                        input.put("actuals", List.of(Map.of("metric", CONVERSION, "actual", 3.4),
                                Map.of("metric", TIME_TO_PAY, "actual", 75.0), Map.of("metric", "revenue", "actual", 1000.0)))),
                Arguments.of("empty learnings", "whatWeLearned", (Consumer<Map<String, Object>>) input ->
                        input.put("whatWeLearned", "  ")),
                Arguments.of("nothing we would do differently", "whatWeWouldDoDifferently", (Consumer<Map<String, Object>>) input ->
                        input.put("whatWeWouldDoDifferently", "")),
                Arguments.of("no recommendation", "recommendation", (Consumer<Map<String, Object>>) input ->
                        input.remove("recommendation")));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refusals")
    void refusesAnIncompleteReviewAndChangesNothing(String what, String field, Consumer<Map<String, Object>> spoil) {
        Map<String, Object> before = driver.state(waitingForOutcome);
        Map<String, Object> input = outcome(waitingForOutcome);
        spoil.accept(input);

        Payload payload = driver.mutate("priya", "recordOutcome", input);

        assertThat(payload.userErrors()).as(what).singleElement().satisfies(error ->
                assertThat(error).containsEntry("code", "INVALID_INPUT").containsEntry("field", field));
        assertThat(payload.bet()).isNull();
        assertThat(driver.state(waitingForOutcome)).isEqualTo(before);
        assertThat(before.get("outcomeReport")).isNull();
        assertThat(driver.waitingOn(waitingForOutcome)).containsExactly("task_record_outcome");
    }

    /** A bet with two success metrics (one that should fall) and two non-goals, delivered and measured (PT1S). */
    private String betInOutcomeReview() {
        String bet = driver.createBet("priya", "measurementPeriod", "PT1S");
        driver.commit(bet, "successMetrics", List.of(
                        input("name", CONVERSION, "unit", "%", "baseline", 2.0, "target", 3.0),
                        input("name", TIME_TO_PAY, "unit", "s", "baseline", 90.0, "target", 60.0)),
                "nonGoals", NON_GOALS);
        driver.mutateOk("erin", "markDelivered", input("betId", bet));
        driver.mutateOk("priya", "confirmDelivery", input("betId", bet));
        await().atMost(Duration.ofSeconds(30)).until(() -> driver.stage(bet).equals("OUTCOME_REVIEW"));
        return bet;
    }

    private static Map<String, Object> outcome(String bet) {
        return input("betId", bet,
                "actuals", List.of(input("metric", CONVERSION, "actual", 3.4), input("metric", TIME_TO_PAY, "actual", 75.0)),
                "whatWeLearned", "Fewer fields beat more payment methods",
                "whatWeWouldDoDifferently", "Measure time to pay per field from day one",
                "recommendation", "ITERATE");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> decisions(String bet) {
        Map<String, Object> decisions = as("lena").documentName("betDecisions").variable("id", bet).execute()
                .path("bet.decisions").entity(Map.class).get();
        return (List<Map<String, Object>>) decisions.get("nodes");
    }
}
