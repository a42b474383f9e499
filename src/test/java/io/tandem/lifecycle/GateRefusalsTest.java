package io.tandem.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tandem.graphql.GlobalId;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

/**
 * Every way a gate or work step can be refused: each refusal names its rule (a userError code, or a
 * top-level FORBIDDEN for a caller whose role may not mutate at all) and leaves the bet exactly as it
 * was, as far as anyone reading the API can tell.
 */
class GateRefusalsTest extends GraphQlTestBase {

    @Autowired
    private TaskService taskService;

    @Autowired
    private IdentityService identityService;

    @Test
    void refusesSigningASideWhoseRoleTheSignerLacks() {
        String bet = framingGateOpen();

        refusedWithoutChange(bet, "WRONG_ROLE", "signAs",
                () -> driver.sign("priya", bet, "FRAMING", "signAs", "ENGINEERING"));
    }

    @Test
    void refusesLeadershipSigningAGateOtherThanItsOwnAsks() {
        String bet = framingGateOpen();
        Map<String, Object> before = driver.state(bet);

        Payload refused = driver.sign("lena", bet, "FRAMING");

        assertThat(refused.userErrors()).singleElement().satisfies(error -> assertThat(error)
                .containsEntry("code", "WRONG_ROLE").containsEntry("field", "signAs"));
        assertThat(driver.sign("lena", bet, "FRAMING", "signAs", "LEADERSHIP").errorCodes()).containsExactly("WRONG_ROLE");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @Test
    void refusesLeadershipCreatingABet() {
        String title = uniqueTitle();

        List<ResponseError> errors = topLevelErrors("lena", "createBet", input("title", title));

        assertForbidden(errors);
        assertThat(betsTitled(title)).isZero();
    }

    @Test
    void refusesMutationsByTheIntegrationUser() {
        String bet = framingGateOpen();
        Map<String, Object> before = driver.state(bet);

        List<ResponseError> errors = topLevelErrors("ivan", "signGate", input("betId", bet, "gate", "FRAMING", "signAs", "PRODUCT"));

        assertForbidden(errors);
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @Test
    void refusesSecondSignatureBySamePerson() {
        String bet = framingGateOpen();
        assertThat(driver.sign("sam", bet, "FRAMING", "signAs", "PRODUCT").userErrors()).isEmpty();

        refusedWithoutChange(bet, "SAME_PERSON", "betId",
                () -> driver.sign("sam", bet, "FRAMING", "signAs", "ENGINEERING"));
        assertThat(driver.waitingOn(bet)).containsExactly("task_sign_framing_engineering");
    }

    @Test
    void refusesProductFramingSignOffWhileAConstraintIsUnacknowledged() {
        String bet = driver.createBet("priya");
        driver.addConstraint("erin", bet, "Payment provider rate limit");
        driver.completeFramingWork(bet);

        refusedWithoutChange(bet, "CONSTRAINTS_UNACKNOWLEDGED", "betId", () -> driver.sign("priya", bet, "FRAMING"));
    }

    @Test
    void refusesSubmittingAnIncompleteBrief() {
        String bet = driver.createBet("priya");
        assertThat(driver.reviseBrief("priya", bet, "customerSegment", null).userErrors()).isEmpty();

        refusedWithoutChange(bet, "BRIEF_INCOMPLETE", "betId", () -> driver.mutate("priya", "submitBrief", input("betId", bet)));
        assertThat(driver.waitingOn(bet)).contains("task_write_brief");
    }

    @Test
    void refusesProductFramingSignOffOnAnIncompleteBrief() {
        String bet = framingGateOpen();
        // the brief may still be revised during framing, here into one without success metrics
        assertThat(driver.reviseBrief("priya", bet, "successMetrics", List.of()).userErrors()).isEmpty();

        refusedWithoutChange(bet, "BRIEF_INCOMPLETE", "betId", () -> driver.sign("priya", bet, "FRAMING"));
    }

    @Test
    void refusesRevisingTheBriefAfterCommitment() {
        String bet = driver.createBet("priya");
        driver.commit(bet);

        refusedWithoutChange(bet, "BRIEF_FROZEN", "betId",
                () -> driver.reviseBrief("priya", bet, "problem", "Rewriting history after the fact"));
    }

    @Test
    void refusesASignOffByAProductUserWhoIsNotTheNamedLead() {
        String bet = driver.createBet("priya", "productLead", "paul");
        driver.completeFramingWork(bet);

        refusedWithoutChange(bet, "NOT_THE_LEAD", "betId", () -> driver.sign("priya", bet, "FRAMING"));
    }

    @Test
    void refusesSigningAGateThatIsNotOpen() {
        String bet = driver.createBet("priya");

        refusedWithoutChange(bet, "WRONG_STAGE", "betId", () -> driver.sign("priya", bet, "FRAMING"));
    }

    @Test
    void refusesCommitmentSignedForADifferentOptionThanTheOtherSide() {
        String bet = commitmentGateOpen();
        List<String> options = options(bet);
        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", options.get(0)).userErrors()).isEmpty();

        refusedWithoutChange(bet, "CHOICE_MISMATCH", "optionId",
                () -> driver.sign("erin", bet, "COMMITMENT", "optionId", options.get(1)));
    }

    @Test
    void refusesCommitmentToAnOptionThatIsNotProposed() {
        String bet = commitmentGateOpen();
        String unknown = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("BetOption:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        refusedWithoutChange(bet, "UNKNOWN_OPTION", "optionId",
                () -> driver.sign("priya", bet, "COMMITMENT", "optionId", unknown));
    }

    @Test
    void refusesApprovingCommitmentWithoutAnOption() {
        String bet = commitmentGateOpen();

        refusedWithoutChange(bet, "CHOICE_REQUIRED", "optionId", () -> driver.sign("priya", bet, "COMMITMENT"));
    }

    @Test
    void refusesApprovingTheSpikeWithoutAVerdict() {
        String bet = driver.createBet("priya", "uncertainty", "HIGH", "spikeQuestion", "Can the provider batch refunds?");
        driver.passFraming(bet);
        driver.mutateOk("erin", "recordSpikeFindings", input("betId", bet, "findings", "It can, up to 100 per call"));
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_sign_spike_product", "task_sign_spike_engineering");

        refusedWithoutChange(bet, "CHOICE_REQUIRED", "spikeVerdict", () -> driver.sign("priya", bet, "SPIKE"));
    }

    @Test
    void refusesApprovingTheOutcomeWithoutAVerdict() {
        String bet = driver.outcomeGateOpen("ITERATE");

        refusedWithoutChange(bet, "CHOICE_REQUIRED", "outcomeVerdict", () -> driver.sign("erin", bet, "OUTCOME_REVIEW"));
    }

    @Test
    void refusesRequestingChangesWithoutAReason() {
        String bet = framingGateOpen();

        refusedWithoutChange(bet, "INVALID_INPUT", "reason",
                () -> driver.sign("erin", bet, "FRAMING", "answer", "REQUEST_CHANGES"));
    }

    @Test
    void refusesProposingASingleOption() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);

        refusedWithoutChange(bet, "TOO_FEW_OPTIONS", "options", () -> driver.mutate("erin", "proposeOptions", input("betId", bet,
                "options", List.of(input("label", "Only way", "scopeSummary", "Everything", "window", "2099-01-31",
                        "gains", "No choice to make", "givesUp", "Any alternative")))));
        assertThat(driver.waitingOn(bet)).containsExactly("task_propose_options");
    }

    @Test
    void refusesASecondKillProposalWhileOneIsPending() {
        String bet = driver.createBet("priya");
        driver.mutateOk("priya", "proposeKill", input("betId", bet, "rationale", "A competitor shipped this last week"));

        refusedWithoutChange(bet, "KILL_PENDING", "betId",
                () -> driver.mutate("erin", "proposeKill", input("betId", bet, "rationale", "Nobody uses checkout anyway")));
        assertThat(driver.waitingOn(bet)).contains("task_sign_kill_engineering").doesNotContain("task_sign_kill_product");
    }

    @Test
    void refusesCompletingAGateTaskThroughTheEngineApiWithoutTheRole() {
        String bet = framingGateOpen();
        Task productSide = openTask(bet, "task_sign_framing_product");
        Map<String, Object> before = driver.state(bet);

        // what Tasklist does for a signed-in user: set the engine's authentication, then complete the task; engineering is
        // no candidate of product's side, so the engine's authorization refuses it
        identityService.setAuthentication("erin", List.of("engineering"));
        try {
            assertThatThrownBy(() -> taskService.complete(productSide.getId()))
                    .isInstanceOf(AuthorizationException.class).hasMessageContaining("TASK_WORK");
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(taskService.createTaskQuery().taskId(productSide.getId()).count()).isEqualTo(1);
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Runs the mutation, expects exactly one userError with this code (and field) and an unchanged bet. */
    private void refusedWithoutChange(String betId, String code, String field, Supplier<Payload> attempt) {
        Map<String, Object> before = driver.state(betId);

        Payload payload = attempt.get();

        assertThat(payload.userErrors()).as("userErrors").singleElement().satisfies(error -> {
            assertThat(error).containsEntry("code", code).containsEntry("field", field);
            assertThat((String) error.get("message")).isNotBlank().doesNotContain("Exception");
        });
        payload.body().forEach((name, value) -> {
            if (!name.equals("userErrors")) {
                assertThat(value).as("payload field %s of a refused mutation", name).isNull();
            }
        });
        assertThat(driver.state(betId)).isEqualTo(before);
    }

    private List<ResponseError> topLevelErrors(String user, String operation, Map<String, Object> input) {
        List<ResponseError> errors = new ArrayList<>();
        as(user).documentName(operation).variable("input", input).execute()
                .errors().satisfy(errors::addAll)
                // the payload is non-null in the schema, so a refused field nulls the whole data
                .path("").valueIsNull();
        return errors;
    }

    private static void assertForbidden(List<ResponseError> errors) {
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
            assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("at io.tandem");
        });
    }

    private String framingGateOpen() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_sign_framing_product", "task_sign_framing_engineering");
        return bet;
    }

    private String commitmentGateOpen() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        driver.proposeTwoOptions(bet);
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_sign_commitment_product", "task_sign_commitment_engineering");
        return bet;
    }

    @SuppressWarnings("unchecked")
    private List<String> options(String bet) {
        return ((List<Map<String, Object>>) driver.state(bet).get("options")).stream().map(o -> (String) o.get("id")).toList();
    }

    private Task openTask(String bet, String taskKey) {
        String businessKey = GlobalId.parse(bet).orElseThrow().id().toString();
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
    }

    private long betsTitled(String title) {
        return as("lena").documentName("betPage").variable("filterBy", input("titleContains", title)).execute()
                .path("bets.totalCount").entity(Long.class).get();
    }

    private static String uniqueTitle() {
        return "Refused " + UUID.randomUUID();
    }
}
