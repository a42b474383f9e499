package io.tandem.lifecycle;

import static io.tandem.support.TaskKeys.ACKNOWLEDGE_CONSTRAINT;
import static io.tandem.support.TaskKeys.ENGINEERING_COMMITMENT;
import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.graphql.GlobalId;
import io.tandem.support.BetRows;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Technical constraints product cannot ignore, at every stage: an unacknowledged constraint holds the framing gate, a
 * BLOCKING one every later stage gate, whichever side would pass it; a constraint added while product's approval
 * stands reopens product's side; kill and change gates are never held.
 */
class ConstraintHoldsTest extends GraphQlTestBase {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aBlockingConstraintAddedAfterProductApprovedFramingReopensProductsSideUntilAcknowledged() {
        String bet = driver.framingGateOpen();
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_FRAMING);

        String constraint = driver.addConstraint("erin", bet, "Card data stays in one region", "BLOCKING");

        // priya's approval no longer counts: her task is open again (in framing, no acknowledgement task opens)
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(PRODUCT_FRAMING, ENGINEERING_FRAMING);
        assertThat(driver.sign("erin", bet, "FRAMING").betStage()).as("engineering's sign-off alone").isEqualTo("FRAMING");
        assertThat(driver.waitingOn(bet)).containsExactly(PRODUCT_FRAMING);
        refusedWithoutChange(bet, () -> driver.sign("priya", bet, "FRAMING"));

        assertThat(driver.acknowledgeConstraint("priya", constraint, "We host in eu-west only").ok()).isTrue();
        assertThat(driver.sign("priya", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");
        assertThat(signers(latestDecision(bet))).containsExactly("erin:engineering", "priya:product");
    }

    @Test
    void aShapingConstraintAddedAfterProductApprovedFramingReopensProductsSideToo() {
        String bet = driver.framingGateOpen();
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();

        String constraint = driver.addConstraint("erin", bet, "Refunds batch nightly", "INFORMATIONAL");

        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(PRODUCT_FRAMING, ENGINEERING_FRAMING);
        refusedWithoutChange(bet, () -> driver.sign("priya", bet, "FRAMING"));
        driver.acknowledgeConstraint("priya", constraint, null);
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("erin", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");
    }

    @Test
    void theApprovalThatWouldPassTheGateIsHeldByABlockingConstraintProductsApprovalDidNotSee() {
        String bet = driver.createBet("priya");
        String option = driver.commitmentGateOpen(bet);
        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", option).ok()).isTrue();
        // recorded behind the round's back, as a replica still on the previous release would: no round restarts
        String constraint = recordConstraintDirectly(bet, "BLOCKING");

        refusedWithoutChange(bet, () -> driver.sign("erin", bet, "COMMITMENT", "optionId", option));
        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_COMMITMENT);

        assertThat(driver.acknowledgeConstraint("priya", constraint, null).ok()).isTrue();
        assertThat(driver.sign("erin", bet, "COMMITMENT", "optionId", option).betStage()).isEqualTo("DELIVERY");
    }

    @Test
    void aShapingConstraintAfterFramingAsksProductButHoldsNoLaterGate() {
        String bet = driver.createBet("priya");
        String option = driver.commitmentGateOpen(bet);
        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", option).ok()).isTrue();

        driver.addConstraint("erin", bet, "Wallets need a second provider", "SHAPING");

        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(ENGINEERING_COMMITMENT, ACKNOWLEDGE_CONSTRAINT);
        assertThat(driver.sign("erin", bet, "COMMITMENT", "optionId", option).betStage()).isEqualTo("DELIVERY");
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_mark_delivered", ACKNOWLEDGE_CONSTRAINT);
    }

    @Test
    void changeAndKillGatesAreNotHeldAndKillingTheBetCancelsItsAcknowledgementTask() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        driver.addConstraint("erin", bet, "The provider sunsets its v1 API", "BLOCKING");

        Payload change = driver.mutate("erin", "requestWindowChange", input("betId", bet,
                "newWindow", LocalDate.now().plusMonths(2).toString(), "rationale", "Migrate to the v2 API first"));
        assertThat(change.ok()).isTrue();
        assertThat(driver.sign("priya", bet, "CHANGE").ok()).as("the change gate is not held").isTrue();
        assertThat(latestDecision(bet)).containsEntry("kind", "WINDOW_MOVED");

        driver.mutateOk("erin", "proposeKill", input("betId", bet, "rationale", "Without v1 the bet is not worth it"));
        assertThat(driver.sign("priya", bet, "KILL").ok()).as("the kill gate is not held").isTrue();
        assertThat(driver.state(bet)).containsEntry("stage", "CLOSED").containsEntry("outcome", "KILLED");
        assertThat(driver.waitingOn(bet)).isEmpty();
    }

    @Test
    void anAcknowledgementTaskStillOpenWhenTheOutcomeIsSignedEndsWithTheBet() {
        String bet = driver.outcomeGateOpen("GRADUATE");
        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON").ok()).isTrue();

        driver.addConstraint("erin", bet, "Analytics lag by a day", "SHAPING");

        assertThat(driver.waitingOn(bet)).as("a SHAPING constraint does not reopen the outcome review")
                .containsExactlyInAnyOrder("task_sign_outcome_engineering", ACKNOWLEDGE_CONSTRAINT);
        assertThat(driver.sign("erin", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON").betStage()).isEqualTo("CLOSED");
        assertThat(driver.state(bet)).containsEntry("outcome", "WON");
        assertThat(driver.waitingOn(bet)).isEmpty();
    }

    @Test
    void aBlockingConstraintAddedAfterProductSignedTheOutcomeReopensProductsSide() {
        String bet = driver.outcomeGateOpen("GRADUATE");
        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON").ok()).isTrue();

        String constraint = driver.addConstraint("erin", bet, "Half the conversions were bots", "BLOCKING");

        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_sign_outcome_product", "task_sign_outcome_engineering",
                ACKNOWLEDGE_CONSTRAINT);
        assertThat(driver.sign("erin", bet, "OUTCOME_REVIEW", "outcomeVerdict", "INCONCLUSIVE").betStage()).isEqualTo("OUTCOME_REVIEW");
        refusedWithoutChange(bet, () -> driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "INCONCLUSIVE"));
        assertThat(driver.acknowledgeConstraint("priya", constraint, "We re-measure without bots").ok()).isTrue();
        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "INCONCLUSIVE").betStage()).isEqualTo("CLOSED");
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Expects exactly one CONSTRAINTS_UNACKNOWLEDGED and nothing changed: not the bet as read, not a row written. */
    private void refusedWithoutChange(String bet, Supplier<Payload> attempt) {
        Map<String, Object> before = driver.state(bet);
        Map<String, Long> rows = BetRows.of(jdbc, bet);

        Payload refused = attempt.get();

        assertThat(refused.userErrors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("code", "CONSTRAINTS_UNACKNOWLEDGED").containsEntry("field", "betId");
            assertThat((String) error.get("message")).contains("not acknowledged");
        });
        assertThat(refused.bet()).isNull();
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(BetRows.of(jdbc, bet)).isEqualTo(rows);
    }

    private String recordConstraintDirectly(String bet, String severity) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into technical_constraint (id, bet_id, title, description, severity, author_id, author_name, created_at)"
                        + " values (?, ?, 'Card data stays in one region', 'PCI scope', ?, 'erin', 'Erin Walsh', ?)",
                id, GlobalId.require("Bet", bet, "betId"), severity, Timestamp.from(Instant.now()));
        return GlobalId.of("TechnicalConstraint", id);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> latestDecision(String bet) {
        return (Map<String, Object>) driver.state(bet).get("latestDecision");
    }

    @SuppressWarnings("unchecked")
    private static List<String> signers(Map<String, Object> decision) {
        return ((List<Map<String, Object>>) decision.get("signers")).stream()
                .map(s -> s.get("userId") + ":" + s.get("role")).toList();
    }
}
