package io.tandem.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.GraphQlTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bet from framing to WON, through HTTP GraphQL, with product and engineering signing every gate. */
class HappyPathTest extends GraphQlTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void takesABetFromFramingToWonWithBothSidesSigningEveryGate() {
        String bet = driver.createBet("priya", "measurementPeriod", "PT1S");
        assertThat(driver.stage(bet)).isEqualTo("FRAMING");
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_write_brief", "task_map_constraints");

        String constraint = driver.addConstraint("erin", bet, "Payment provider rate limit");
        driver.completeFramingWork(bet);
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_sign_framing_product", "task_sign_framing_engineering");
        driver.mutateOk("priya", "acknowledgeConstraint", input("constraintId", constraint, "response", "Fine for launch volumes"));

        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactly("task_sign_framing_engineering");
        assertThat(driver.sign("erin", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");

        List<String> options = driver.proposeTwoOptions(bet);
        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", options.get(1)).ok()).isTrue();
        assertThat(driver.sign("erin", bet, "COMMITMENT", "optionId", options.get(1)).betStage()).isEqualTo("DELIVERY");
        Map<String, Object> committed = driver.state(bet);
        assertThat(committed.get("window")).isEqualTo(((List<Map<String, Object>>) committed.get("options")).get(1).get("window"));

        assertThat(driver.mutateOk("erin", "markDelivered", input("betId", bet, "note", "Live for all shops")).betStage())
                .isEqualTo("DELIVERY");
        assertThat(driver.mutateOk("priya", "confirmDelivery", input("betId", bet)).betStage()).isEqualTo("MEASURING");

        // the measurement-period timer (PT1S) opens the outcome review
        await().atMost(Duration.ofSeconds(30)).until(() -> driver.stage(bet).equals("OUTCOME_REVIEW"));
        assertThat(driver.waitingOn(bet)).containsExactly("task_record_outcome");

        driver.mutateOk("priya", "recordOutcome", input("betId", bet,
                "actuals", List.of(input("metric", "checkout conversion", "actual", 3.4)),
                "whatWeLearned", "Fewer fields beat more payment methods",
                "whatWeWouldDoDifferently", "Measure drop-off per field from day one", "recommendation", "GRADUATE"));
        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON").ok()).isTrue();
        assertThat(driver.sign("erin", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON").bet())
                .containsEntry("stage", "CLOSED").containsEntry("outcome", "WON");

        Map<String, Object> closed = driver.state(bet);
        assertThat(driver.decisionKinds(bet)).containsExactly("FRAMING_APPROVED", "COMMITMENT", "DELIVERY_ACCEPTED", "OUTCOME_VERDICT");
        assertThat(closed.get("waitingOn")).asList().isEmpty();
        Map<String, Object> report = (Map<String, Object>) closed.get("outcomeReport");
        assertThat((List<Map<String, Object>>) report.get("actuals")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("metTarget", true).containsEntry("target", 3.0));
        Map<String, Object> commitment = ((List<Map<String, Object>>) ((Map<String, Object>) closed.get("decisions")).get("nodes")).get(1);
        assertThat(commitment.get("chosenOption")).isEqualTo(options.get(1));
        assertThat((List<Map<String, Object>>) commitment.get("signers")).extracting(s -> s.get("userId"))
                .containsExactly("priya", "erin");

        Map<String, Object> verification = as("lena").document("query($id: ID!) { verifyDecisionLog(betId: $id) { valid entriesChecked } }")
                .variable("id", bet).execute().path("verifyDecisionLog").entity(Map.class).get();
        assertThat(verification).containsEntry("valid", true).containsEntry("entriesChecked", 4);
    }
}
