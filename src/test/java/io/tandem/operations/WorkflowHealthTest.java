package io.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.support.Payload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Job;

/**
 * How broken workflows show to operators: a broken bet degrades the health component {@code betWorkflows} but never the
 * probes; suspended and failed workflows are reported as such and left to their own repair; the report pages.
 */
class WorkflowHealthTest extends BrokenWorkflowTestBase {

    private static final String REASON = "Restored after a test broke it";

    @Test
    void aBrokenWorkflowDegradesItsHealthComponentButNeitherProbe() {
        String bet = driver.createBet("priya");
        long brokenBefore = operator.healthCount("broken");

        runtimeService.deleteProcessInstance(processOf(bet).getId(), "removed by hand");

        await().atMost(Duration.ofSeconds(10)).until(() -> operator.healthCount("broken") == brokenBefore + 1);
        JsonNode component = operator.workflowsHealth();
        assertThat(component.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(component.path("details").path("gone").asLong()).isPositive();
        assertThat(component.path("details").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("broken", "gone", "suspended", "incident", "stuck");
        // the aggregate says so with HTTP 200; the probes Kubernetes calls stay UP and do not look at workflows
        assertThat(operator.health("/actuator/health", 200).path("status").asText()).isEqualTo("DEGRADED");
        JsonNode readiness = operator.health("/actuator/health/readiness", 200);
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("betWorkflows")).isFalse();
        JsonNode liveness = operator.health("/actuator/health/liveness", 200);
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(liveness.path("components").has("betWorkflows")).isFalse();

        driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON));
        await().atMost(Duration.ofSeconds(10)).until(() -> operator.healthCount("broken") == brokenBefore);
    }

    @Test
    void aSuspendedWorkflowIsReportedAndAnAdminActivatesItOnTheRecord() {
        String bet = driver.createBet("priya");
        String process = processOf(bet).getId();
        double suspendedBefore = operator.gauge("SUSPENDED");

        runtimeService.suspendProcessInstanceById(process);

        Map<String, Object> reported = operator.problemOf(bet).orElseThrow();
        assertThat(reported).containsEntry("problem", "SUSPENDED").containsEntry("processInstanceId", process);
        awaitGauge("SUSPENDED", suspendedBefore + 1);

        driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON));

        assertThat(processOf(bet).getId()).as("the same process, going on").isEqualTo(process);
        assertThat(processOf(bet).isSuspended()).isFalse();
        assertThat(driver.decisionKinds(bet)).last().isEqualTo("OPERATOR_INTERVENTION");
        assertThat(operator.problemOf(bet)).isEmpty();
        awaitGauge("SUSPENDED", suspendedBefore);
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(BetLifecycle.TASK_WRITE_BRIEF, BetLifecycle.TASK_MAP_CONSTRAINTS);
    }

    @Test
    void aFailedTimerIsReportedAsAnIncidentAndLeftForARetry() {
        String bet = driver.framingGateOpen();
        Job stallTimer = managementService.createJobQuery().processInstanceId(processOf(bet).getId())
                .activityId("timer_stalled_task_sign_framing_product").singleResult();
        double incidentsBefore = operator.gauge("INCIDENT");

        // what the job executor does to a job that keeps failing: its retries run out, and the engine opens an incident
        managementService.setJobRetries(stallTimer.getId(), 0);

        Map<String, Object> reported = operator.problemOf(bet).orElseThrow();
        assertThat(reported).containsEntry("problem", "INCIDENT");
        assertThat((String) reported.get("detail")).contains("failedJob at timer_stalled_task_sign_framing_product");
        awaitGauge("INCIDENT", incidentsBefore + 1);
        refusedAsNotRestartable(bet, "Retry its failed job in Cockpit");

        managementService.setJobRetries(stallTimer.getId(), 1);

        assertThat(operator.problemOf(bet)).isEmpty();
        awaitGauge("INCIDENT", incidentsBefore);
    }

    @Test
    void cancellingEveryActivityEndsTheProcessSoTheBetIsReportedGone() {
        String bet = driver.createBet("priya");
        String process = processOf(bet).getId();

        runtimeService.createProcessInstanceModification(process).cancelAllForActivity(BetLifecycle.TASK_WRITE_BRIEF)
                .cancelAllForActivity(BetLifecycle.TASK_MAP_CONSTRAINTS).execute(true, true);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
        assertThat(operator.problemOf(bet)).hasValueSatisfying(reported -> assertThat(reported).containsEntry("problem", "GONE"));
        driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON));
        assertThat(operator.problemOf(bet)).isEmpty();
    }

    @Test
    void brokenWorkflowsPageOldestBetFirst() {
        List<String> bets = List.of(driver.createBet("priya"), driver.createBet("priya"), driver.createBet("priya"));
        bets.forEach(bet -> runtimeService.deleteProcessInstance(processOf(bet).getId(), "removed by hand"));

        List<String> reported = operator.everyBrokenWorkflow(1).stream()
                .map(broken -> (String) ((Map<?, ?>) broken.get("bet")).get("id")).filter(bets::contains).toList();

        assertThat(reported).containsExactlyElementsOf(bets);
        long total = as("lena").documentName("workflowProblems").variable("first", 1).execute()
                .path("workflowProblems.totalCount").entity(Long.class).get();
        assertThat(total).isEqualTo(operator.everyBrokenWorkflow(100).size()).isGreaterThanOrEqualTo(3);
        bets.forEach(bet -> driver.mutateOk("ada", "restartWorkflow", input("betId", bet, "reason", REASON)));
    }

    private void refusedAsNotRestartable(String bet, String advice) {
        Map<String, Object> before = driver.state(bet);

        Payload payload = driver.mutate("ada", "restartWorkflow", input("betId", bet, "reason", REASON));

        assertThat(payload.userErrors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("code", "WORKFLOW_NOT_RESTARTABLE").containsEntry("field", "betId");
            assertThat((String) error.get("message")).contains(advice);
        });
        assertThat(driver.state(bet)).isEqualTo(before);
    }
}
