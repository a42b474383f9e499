package io.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.bet.Stage;
import io.tandem.graphql.GlobalId;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.support.Payload;
import io.tandem.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.graphql.ResponseError;

/**
 * A bet whose workflow was removed or left waiting on nothing behind Tandem's back is reported, and an admin restarts
 * it at the entry of the bet's stage, on the record: one OPERATOR_INTERVENTION entry signed by the admin, with the
 * reason as its rationale, in a decision log that still verifies. Every refusal changes nothing.
 */
class WorkflowRestartTest extends BrokenWorkflowTestBase {

    private static final String REASON = "A DBA deleted the process while cleaning up test data (ticket OPS-412)";

    @Test
    void aProcessDeletedBehindTandemsBackIsReportedGoneAndAnAdminRestartsItOnTheRecord() {
        String bet = driver.createBet("priya");
        assertThat(driver.reviseBrief("priya", bet).ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(BetLifecycle.TASK_WRITE_BRIEF, BetLifecycle.TASK_MAP_CONSTRAINTS);
        double goneBefore = operator.gauge("GONE");
        long healthBefore = operator.healthCount("gone");

        runtimeService.deleteProcessInstance(processOf(bet).getId(), "removed by hand");

        assertThat(driver.stage(bet)).isEqualTo("FRAMING");
        assertThat(driver.waitingOn(bet)).isEmpty();
        Map<String, Object> reported = operator.problemOf(bet).orElseThrow();
        assertThat(reported).containsEntry("problem", "GONE").containsEntry("processInstanceId", null);
        assertThat((String) reported.get("detail")).contains("business key").contains("FRAMING");
        awaitGauge("GONE", goneBefore + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.healthCount("gone") == healthBefore + 1);
        assertThat(operator.workflowsHealth().path("status").asText()).isEqualTo("DEGRADED");

        Payload restarted = driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON));

        assertThat(restarted.betStage()).isEqualTo("FRAMING");
        assertThat(steps(restarted.bet())).containsExactlyInAnyOrder(BetLifecycle.TASK_WRITE_BRIEF, BetLifecycle.TASK_MAP_CONSTRAINTS);
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(BetLifecycle.TASK_WRITE_BRIEF, BetLifecycle.TASK_MAP_CONSTRAINTS);
        assertInterventionRecorded(bet, restarted, "The workflow was GONE", "gateway_framing_entry");
        assertThat(operator.problemOf(bet)).isEmpty();
        awaitGauge("GONE", goneBefore);
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.healthCount("gone") == healthBefore);

        // the new process is the bet's lifecycle: the framing work and gate move it on as before
        driver.passFraming(bet);
        assertThat(driver.stage(bet)).isEqualTo("COMMITMENT");
        assertThat(driver.decisionKinds(bet)).containsExactly("OPERATOR_INTERVENTION", "FRAMING_APPROVED");
        assertThat(verify(bet)).containsEntry("valid", true).containsEntry("entriesChecked", 2);
    }

    @Test
    void aProcessLeftWaitingOnNothingIsReportedStuckAndAnAdminRestartsIt() {
        String bet = driver.createBet("priya");
        assertThat(driver.reviseBrief("priya", bet).ok()).isTrue();
        String stuck = processOf(bet).getId();
        double stuckBefore = operator.gauge("STUCK");
        // Someone cancelled product's work in Cockpit, skipping Tandem's listeners (cancelling every activity would have
        // ended the process: GONE). Engineering then finished its own, and the process waits at the framing join for a
        // brief nobody is asked for.
        runtimeService.createProcessInstanceModification(stuck).cancelAllForActivity(BetLifecycle.TASK_WRITE_BRIEF)
                .execute(true, true);
        driver.mutateOk("erin", "submitConstraints", input("betId", bet));

        assertThat(driver.waitingOn(bet)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(stuck).count()).isOne();
        Map<String, Object> reported = operator.problemOf(bet).orElseThrow();
        assertThat(reported).containsEntry("problem", "STUCK").containsEntry("processInstanceId", stuck);
        assertThat((String) reported.get("detail")).contains(stuck).contains("no open task and no timer");
        awaitGauge("STUCK", stuckBefore + 1);

        Payload restarted = driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON));

        assertThat(steps(restarted.bet())).containsExactlyInAnyOrder(BetLifecycle.TASK_WRITE_BRIEF, BetLifecycle.TASK_MAP_CONSTRAINTS);
        assertInterventionRecorded(bet, restarted, "The workflow was STUCK", "Cancelled process instance " + stuck);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(stuck).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(uuid(bet).toString()).count()).isOne();
        assertThat(operator.problemOf(bet)).isEmpty();
        awaitGauge("STUCK", stuckBefore);

        // the stages' kill boundary came back with them
        driver.mutateOk("priya", "proposeKill", input("betId", bet, "rationale", "The provider deprecates this API"));
        assertThat(driver.waitingOn(bet)).contains("task_sign_kill_engineering");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SPIKE, task_record_findings", "COMMITMENT, task_propose_options", "OUTCOME_REVIEW, task_record_outcome"})
    void aRestartOpensTheFirstWorkOfTheBetsStage(String stage, String firstWork) throws SQLException {
        String bet = driver.createBet("priya");
        // the stage as the bet's row says, which is all a restart goes by
        setStageBehindTandemsBack(bet, stage);
        runtimeService.deleteProcessInstance(processOf(bet).getId(), "removed by hand");

        Payload restarted = driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON));

        assertThat(restarted.betStage()).isEqualTo(stage);
        assertThat(steps(restarted.bet())).containsExactly(firstWork);
        assertThat((String) restarted.get("decision").get("context")).contains(BetLifecycle.stageEntry(Stage.valueOf(stage)));
    }

    @Test
    void aRestartInDeliveryOpensDeliveryWithItsWindowEscalationOnTheCommittedWindow() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        assertThat(driver.stage(bet)).isEqualTo("DELIVERY");
        LocalDate window = LocalDate.parse((String) driver.state(bet).get("window"));
        runtimeService.deleteProcessInstance(processOf(bet).getId(), "removed by hand");

        Payload restarted = driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON));

        assertThat(steps(restarted.bet())).containsExactly(BetLifecycle.TASK_MARK_DELIVERED);
        assertThat(timer(bet, BetLifecycle.TIMER_WINDOW_REACHED).getDuedate().toInstant())
                .isEqualTo(window.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void aRestartInMeasuringStartsTheMeasurementPeriodAgainFromNow() throws SQLException {
        String bet = driver.createBet("priya", "measurementPeriod", "P14D");
        setStageBehindTandemsBack(bet, "MEASURING");
        runtimeService.deleteProcessInstance(processOf(bet).getId(), "removed by hand");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Payload restarted = driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON));

        assertThat(restarted.betStage()).isEqualTo("MEASURING");
        assertThat(steps(restarted.bet())).isEmpty();
        assertThat(timer(bet, BetLifecycle.TIMER_MEASUREMENT_PERIOD).getDuedate().toInstant())
                .isBetween(before.plus(Duration.ofDays(14)), Instant.now().plus(Duration.ofDays(14)));
        assertThat((String) restarted.get("decision").get("context")).contains("the measurement period starts again from now");
        assertThat(operator.problemOf(bet)).as("a bet waiting on its measurement timer").isEmpty();
    }

    @Test
    void refusesAHealthyWorkflow() {
        String bet = driver.createBet("priya");

        refusedWithoutChange(bet, "WORKFLOW_HEALTHY", "betId",
                () -> driver.mutate("ada", "restartWorkflow", input("betId", bet, "reason", REASON)));
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(BetLifecycle.TASK_WRITE_BRIEF, BetLifecycle.TASK_MAP_CONSTRAINTS);
    }

    @Test
    void refusesAClosedBet() {
        String bet = driver.createBet("priya");
        driver.mutateOk("erin", "proposeKill", input("betId", bet, "rationale", "A competitor shipped it first"));
        assertThat(driver.sign("priya", bet, "KILL").betStage()).isEqualTo("CLOSED");

        refusedWithoutChange(bet, "WRONG_STAGE", "betId",
                () -> driver.mutate("ada", "restartWorkflow", input("betId", bet, "reason", REASON)));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(uuid(bet).toString()).count()).isZero();
    }

    @Test
    void refusesARestartWithoutAReason() {
        String bet = goneBet();

        refusedWithoutChange(bet, "INVALID_INPUT", "reason",
                () -> driver.mutate("ada", "restartWorkflow", input("betId", bet, "reason", "   ")));
        assertStillGone(bet);
        restart(bet);
    }

    @Test
    void refusesAnUnknownBet() {
        String unknown = GlobalId.of("Bet", UUID.randomUUID());

        Payload payload = driver.mutate("ada", "restartWorkflow", input("betId", unknown, "reason", REASON));

        assertThat(payload.userErrors()).singleElement().satisfies(error ->
                assertThat(error).containsEntry("code", "NOT_FOUND").containsEntry("field", "betId"));
        assertThat(payload.bet()).isNull();
        assertThat(payload.get("decision")).isNull();
    }

    @Test
    void refusesEveryoneButAnAdmin() {
        String bet = goneBet();
        Map<String, Object> before = driver.state(bet);

        for (String user : List.of("priya", "erin", "sam", "lena", "ivan")) {
            List<ResponseError> errors = new ArrayList<>();
            as(user).documentName("restartWorkflow").variable("input", input("betId", bet, "reason", REASON)).execute()
                    .errors().satisfy(errors::addAll)
                    // the payload is non-null in the schema, so a refused field nulls the whole data
                    .path("").valueIsNull();
            assertThat(errors).as(user).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
                assertThat(error.getMessage()).isEqualTo("Your roles do not allow restartWorkflow");
            });
        }

        assertThat(driver.state(bet)).isEqualTo(before);
        assertStillGone(bet);
        restart(bet);
    }

    private void assertInterventionRecorded(String bet, Payload restarted, String found, String done) {
        Map<String, Object> entry = restarted.get("decision");
        assertThat(entry).containsEntry("kind", "OPERATOR_INTERVENTION").containsEntry("gate", null)
                .containsEntry("rationale", REASON);
        assertThat((String) entry.get("context")).startsWith(found).contains(done)
                .contains("Sign-offs of a gate round that was open no longer count");
        assertThat(entry.get("signers")).asList().singleElement().isEqualTo(Map.of(
                "userId", "ada", "name", "Ada Admin", "role", "admin", "answer", "APPROVE"));
        assertThat(driver.decisionKinds(bet)).containsExactly("OPERATOR_INTERVENTION");
        assertThat(verify(bet)).containsEntry("valid", true).containsEntry("entriesChecked", 1);
    }

    private void refusedWithoutChange(String bet, String code, String field, Supplier<Payload> attempt) {
        Map<String, Object> before = driver.state(bet);

        Payload payload = attempt.get();

        assertThat(payload.userErrors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("code", code).containsEntry("field", field);
            assertThat((String) error.get("message")).isNotBlank().doesNotContain("Exception");
        });
        assertThat(payload.bet()).isNull();
        assertThat(payload.get("decision")).isNull();
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    /** A new bet whose process was deleted behind Tandem's back. */
    private String goneBet() {
        String bet = driver.createBet("priya");
        runtimeService.deleteProcessInstance(processOf(bet).getId(), "removed by hand");
        return bet;
    }

    private void assertStillGone(String bet) {
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(uuid(bet).toString()).count()).isZero();
        assertThat(operator.problemOf(bet)).hasValueSatisfying(reported -> assertThat(reported).containsEntry("problem", "GONE"));
        assertThat(driver.decisionKinds(bet)).isEmpty();
    }

    /** Repairs what a test broke, so that the shared database has no broken workflow left by it. */
    private void restart(String bet) {
        driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON));
    }

    private Job timer(String bet, String activityId) {
        return managementService.createJobQuery().processInstanceId(processOf(bet).getId()).activityId(activityId).singleResult();
    }

    private void setStageBehindTandemsBack(String bet, String stage) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement update = connection.prepareStatement("update bet set stage = ? where id = ?")) {
            update.setString(1, stage);
            update.setObject(2, uuid(bet));
            assertThat(update.executeUpdate()).isOne();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> steps(Map<String, Object> bet) {
        return ((List<Map<String, Object>>) bet.get("waitingOn")).stream().map(t -> (String) t.get("step")).toList();
    }

    private static UUID uuid(String bet) {
        return GlobalId.find("Bet", bet).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify(String bet) {
        return as("ivan").document("query($id: ID!) { verifyDecisionLog(betId: $id) { valid entriesChecked problem } }")
                .variable("id", bet).execute().path("verifyDecisionLog").entity(Map.class).get();
    }
}
