package io.tandem.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tandem.graphql.GlobalId;
import io.tandem.shared.Hashes;
import io.tandem.support.GraphQlTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sealed forecasts: at commitment each signer may seal the probability that the bet wins; the COMMITMENT entry carries
 * only the seals and nobody reads a forecast until the outcome review, which reveals each with its salt (the seal
 * recomputes from them) and scores it; the scorecard shows calibration per person and per pair. The rule holds at the
 * engine's door too.
 */
class SealedForecastTest extends GraphQlTestBase {

    private static final String FORECASTS = """
            query($id: ID!) { bet(id: $id) { forecasts { side signerId probability salt seal brierScore revealedAt }
              decisions(first: 50) { nodes { kind context signers { userId role forecastSeal } } } } }""";

    @Autowired
    private TaskService engineTasks;

    @Test
    @SuppressWarnings("unchecked")
    void forecastsAreSealedAtCommitmentAndRevealedAndScoredAtTheOutcomeReview() {
        String team = "Forecasts " + System.nanoTime();
        String bet = driver.outcomeGateOpen("GRADUATE", id -> {
            driver.mutateOk("priya", "updateBet", input("betId", id, "team", team));
            driver.passFraming(id);
            String option = driver.proposeTwoOptions(id).get(0);
            assertThat(driver.sign("priya", id, "COMMITMENT", "optionId", option, "forecast", 0.7).userErrors()).isEmpty();
            assertThat(driver.sign("erin", id, "COMMITMENT", "optionId", option, "forecast", 0.4).userErrors()).isEmpty();
            Map<String, Object> sealed = read(id);
            assertThat((List<?>) sealed.get("forecasts")).as("nobody reads a forecast before the review").isEmpty();
            assertThat(sealed.toString()).doesNotContain("0.7").doesNotContain("0.4");
            assertThat(signersOf(sealed, "COMMITMENT")).extracting(s -> s.get("forecastSeal"))
                    .allSatisfy(seal -> assertThat((String) seal).matches("[0-9a-f]{64}"));
        });

        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON").userErrors()).isEmpty();
        assertThat(driver.sign("erin", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON").userErrors()).isEmpty();

        Map<String, Object> revealed = read(bet);
        List<Map<String, Object>> forecasts = (List<Map<String, Object>>) revealed.get("forecasts");
        assertThat(forecasts).extracting(f -> f.get("side"), f -> f.get("signerId"), f -> f.get("probability"),
                f -> f.get("brierScore")).containsExactly(
                        tuple("engineering", "erin", 0.4, 0.36),
                        tuple("product", "priya", 0.7, 0.09));
        String uuid = GlobalId.require("Bet", bet, "betId").toString();
        for (Map<String, Object> forecast : forecasts) {
            String recomputed = Hashes.sha256("tandem-forecast-v1;" + uuid + ";" + forecast.get("side") + ";"
                    + String.format("%.2f", (Double) forecast.get("probability")) + ";" + forecast.get("salt"));
            assertThat(signersOf(revealed, "COMMITMENT")).as("the seal in the COMMITMENT entry recomputes from the reveal")
                    .anySatisfy(s -> assertThat(s.get("forecastSeal")).isEqualTo(recomputed));
        }
        Map<String, Object> reveal = entries(revealed).stream().filter(e -> "FORECASTS_REVEALED".equals(e.get("kind")))
                .findFirst().orElseThrow();
        assertThat((String) reveal.get("context")).contains("product forecast 0.70", "Brier score 0.0900",
                "engineering forecast 0.40", "Brier score 0.3600");

        String today = LocalDate.now().toString();
        Map<String, Object> scorecard = as("lena").document("query($team: String) { scorecard(input: {from: \"" + today
                        + "\", to: \"" + today + "\", team: $team}) { calibration { userId forecasts meanBrierScore }"
                        + " pairCalibration { productUserId engineeringUserId bets meanBrierScore } } }")
                .variable("team", team).execute().path("scorecard").entity(Map.class).get();
        assertThat((List<Map<String, Object>>) scorecard.get("calibration")).containsExactly(
                Map.of("userId", "priya", "forecasts", 1, "meanBrierScore", 0.09),
                Map.of("userId", "erin", "forecasts", 1, "meanBrierScore", 0.36));
        assertThat((List<Map<String, Object>>) scorecard.get("pairCalibration")).singleElement().satisfies(pair ->
                assertThat(pair).containsEntry("productUserId", "priya").containsEntry("engineeringUserId", "erin")
                        .containsEntry("bets", 1).containsEntry("meanBrierScore", 0.225));
        assertThat(as("ivan").document("query($id: ID!) { verifyDecisionLog(betId: $id) { valid } }").variable("id", bet)
                .execute().path("verifyDecisionLog.valid").entity(Boolean.class).get()).isTrue();
    }

    @Test
    void aForecastOutOfRangeOrAtAnotherGateOrWithARequestForChangesIsRefusedAndNothingIsSigned() {
        String bet = driver.framingGateOpen();
        assertThat(driver.sign("priya", bet, "FRAMING", "forecast", 0.5).userErrors()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT").containsEntry("field", "forecast"));
        assertThat(driver.sign("priya", bet, "FRAMING").userErrors()).isEmpty();
        assertThat(driver.sign("erin", bet, "FRAMING").userErrors()).isEmpty();
        String option = driver.proposeTwoOptions(bet).get(0);
        for (double forecast : new double[] {1.5, -0.1, 0.705}) {
            assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", option, "forecast", forecast).errorCodes())
                    .as("forecast %s", forecast).containsExactly("INVALID_INPUT");
        }
        assertThat(driver.sign("priya", bet, "COMMITMENT", "answer", "REQUEST_CHANGES", "reason", "Too thin",
                "forecast", 0.5).errorCodes()).containsExactly("INVALID_INPUT");
        assertThat(driver.waitingOn(bet)).contains("task_sign_commitment_product", "task_sign_commitment_engineering");
    }

    @Test
    void theEngineDoorSealsAForecastAndRefusesOneThatIsNotANumber() {
        String bet = driver.createBet("priya");
        String option = driver.commitmentGateOpen(bet);
        String optionId = GlobalId.require("BetOption", option, "optionId").toString();
        String taskId = engineTask(bet, "task_sign_commitment_engineering").getId();

        assertThatThrownBy(() -> asTasklistUser("erin", "engineering", () -> {
            engineTasks.claim(taskId, "erin");
            engineTasks.complete(taskId, Map.of("answer", "APPROVE", "choice", optionId, "forecast", "likely"));
            return null;
        })).hasMessageContaining("forecast must be a number");
        asTasklistUser("erin", "engineering", () -> {
            engineTasks.complete(taskId, Map.of("answer", "APPROVE", "choice", optionId, "forecast", "0.6"));
            return null;
        });
        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", option).userErrors()).isEmpty();

        assertThat(signersOf(read(bet), "COMMITMENT")).extracting(s -> s.get("role"), s -> s.get("forecastSeal") != null)
                .containsExactlyInAnyOrder(tuple("engineering", true),
                        tuple("product", false));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String bet) {
        return as("lena").document(FORECASTS).variable("id", bet).execute().path("bet").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> bet) {
        return (List<Map<String, Object>>) ((Map<String, Object>) bet.get("decisions")).get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> signersOf(Map<String, Object> bet, String kind) {
        return entries(bet).stream().filter(e -> kind.equals(e.get("kind"))).reduce((a, b) -> b)
                .map(e -> (List<Map<String, Object>>) e.get("signers")).orElseThrow();
    }
}
