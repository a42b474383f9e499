package io.tandem.inbox;

import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tandem.graphql.GlobalId;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.support.BetDriver;
import io.tandem.support.GraphQlTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.TaskAlreadyClaimedException;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The other door: Tasklist works through the engine's own API with the signed-in person set as the engine's
 * authentication. What it does shows in the GraphQL inbox, and it meets the same rules.
 */
class TasklistDoorTest extends GraphQlTestBase {

    @Autowired
    private TaskService taskService;

    @Test
    void claimingAndCompletingAGateInTasklistUpdatesTheGraphQlInbox() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        Task product = task(bet, PRODUCT_FRAMING);
        assertThat(inbox("priya", bet)).containsExactly(PRODUCT_FRAMING + ":null");

        asTasklistUser("priya", "product", () -> {
            taskService.claim(product.getId(), "priya");
            return null;
        });
        assertThat(inbox("priya", bet)).containsExactly(PRODUCT_FRAMING + ":priya");
        assertThat(inbox("paul", bet)).isEmpty();

        assertThatThrownBy(() -> asTasklistUser("paul", "product", () -> {
            taskService.claim(product.getId(), "paul");
            return null;
        })).isInstanceOf(TaskAlreadyClaimedException.class);
        assertRule(ErrorCode.CONFLICT, () -> taskService.setAssignee(product.getId(), "paul"), "paul", "product");
        assertRule(ErrorCode.CONFLICT, () -> taskService.complete(product.getId(), Map.of("answer", "APPROVE")), "paul", "product");
        assertThat(inbox("priya", bet)).containsExactly(PRODUCT_FRAMING + ":priya");

        asTasklistUser("priya", "product", () -> {
            taskService.complete(product.getId(), Map.of("answer", "APPROVE"));
            return null;
        });
        assertThat(inbox("priya", bet)).isEmpty();
        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_FRAMING);

        assertThat(driver.sign("priya", bet, "FRAMING").errorCodes()).as("the product side is signed already").isNotEmpty();
        assertThat(driver.sign("erin", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.stage(bet)).isEqualTo("COMMITMENT");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> signers = (List<Map<String, Object>>) ((Map<String, Object>) driver.state(bet).get("latestDecision"))
                .get("signers");
        assertThat(signers).extracting(s -> s.get("userId")).containsExactlyInAnyOrder("priya", "erin");
    }

    @Test
    void tasklistMeetsTheSameGateAndClaimRules() {
        String bet = driver.createBet("priya");
        driver.addConstraint("erin", bet, "Rate limit");
        driver.completeFramingWork(bet);
        Task product = task(bet, PRODUCT_FRAMING);

        assertRule(ErrorCode.CONSTRAINTS_UNACKNOWLEDGED, () -> taskService.complete(product.getId(), Map.of("answer", "APPROVE")),
                "priya", "product");
        assertRule(ErrorCode.WRONG_ROLE, () -> taskService.setAssignee(product.getId(), "erin"), "priya", "product");
        assertRule(ErrorCode.UNAUTHENTICATED, () -> taskService.complete(product.getId()), null, null);
        assertThat(inbox("priya", bet)).containsExactly(PRODUCT_FRAMING + ":null");

        String led = driver.createBet("priya", "productLead", "paul");
        driver.completeFramingWork(led);
        Task ledProduct = task(led, PRODUCT_FRAMING);
        assertRule(ErrorCode.NOT_THE_LEAD, () -> taskService.setAssignee(ledProduct.getId(), "priya"), "paul", "product");
        assertThat(inbox("paul", led)).containsExactly(PRODUCT_FRAMING + ":null");
    }

    @Test
    void tasklistShowsAndOpensOnlyTheTasksAPersonIsACandidateForOrHolds() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        Task product = task(bet, PRODUCT_FRAMING);
        String led = driver.createBet("priya", "productLead", "paul");
        driver.completeFramingWork(led);
        Task ledProduct = task(led, PRODUCT_FRAMING);

        assertThat(visibleSteps("erin", "engineering", bet)).containsExactly(ENGINEERING_FRAMING);
        assertThat(visibleSteps("priya", "product", bet)).containsExactly(PRODUCT_FRAMING);
        assertThat(visibleSteps("priya", "product", led)).as("the bet names paul as its product lead").isEmpty();
        assertThat(visibleSteps("paul", "product", led)).containsExactly(PRODUCT_FRAMING);
        assertThat(visibleSteps("lena", "leadership", bet)).isEmpty();

        assertRefusedByTheEngine(() -> taskService.claim(product.getId(), "erin"), "erin", "engineering");
        assertRefusedByTheEngine(() -> taskService.claim(ledProduct.getId(), "priya"), "priya", "product");
        assertRefusedByTheEngine(() -> taskService.complete(ledProduct.getId(), Map.of("answer", "APPROVE")), "priya", "product");
        assertRefusedByTheEngine(() -> taskService.claim(product.getId(), "lena"), "lena", "leadership");
        assertThat(inbox("priya", bet)).containsExactly(PRODUCT_FRAMING + ":null");
        assertThat(inbox("paul", led)).containsExactly(PRODUCT_FRAMING + ":null");
    }

    @Test
    void aWorkStepCompletedInTasklistNeedsItsWorkDoneFirst() {
        String spiked = driver.createBet("priya", "uncertainty", "HIGH", "spikeQuestion", "Can the provider do 3DS inline?");
        driver.passFraming(spiked);
        Task findings = task(spiked, "task_record_findings");
        assertRule(ErrorCode.FINDINGS_MISSING, () -> taskService.complete(findings.getId()), "erin", "engineering");
        assertThat(driver.waitingOn(spiked)).containsExactly("task_record_findings");

        String measured = driver.createBet("priya", "measurementPeriod", "PT1S");
        driver.commit(measured);
        driver.mutateOk("erin", "markDelivered", BetDriver.map("betId", measured));
        driver.mutateOk("priya", "confirmDelivery", BetDriver.map("betId", measured));
        await().atMost(Duration.ofSeconds(30)).until(() -> driver.waitingOn(measured).contains("task_record_outcome"));
        Task outcome = task(measured, "task_record_outcome");
        assertRule(ErrorCode.OUTCOME_MISSING, () -> taskService.complete(outcome.getId()), "priya", "product");
        assertThat(driver.waitingOn(measured)).containsExactly("task_record_outcome");
    }

    private void assertRefusedByTheEngine(Runnable action, String user, String group) {
        assertThatThrownBy(() -> asTasklistUser(user, group, () -> {
            action.run();
            return null;
        })).isInstanceOf(AuthorizationException.class);
    }

    /** The steps of a bet's open tasks that a person sees through the engine's task query, as Tasklist shows them. */
    private List<String> visibleSteps(String user, String group, String bet) {
        UUID id = GlobalId.require("Bet", bet, "betId");
        return asTasklistUser(user, group, () -> taskService.createTaskQuery().processInstanceBusinessKey(id.toString()).list())
                .stream().map(Task::getTaskDefinitionKey).sorted().toList();
    }

    private void assertRule(ErrorCode code, Runnable action, String user, String group) {
        Supplier<Void> run = () -> {
            action.run();
            return null;
        };
        assertThatThrownBy(() -> {
            if (user == null) {
                run.get();
            } else {
                asTasklistUser(user, group, run);
            }
        }).satisfies(e -> assertThat(RuleViolation.findIn(e)).as("rule violation in %s", e).isNotNull()
                .satisfies(v -> assertThat(v.code()).isEqualTo(code)));
    }

    private Task task(String bet, String step) {
        UUID id = GlobalId.require("Bet", bet, "betId");
        return taskService.createTaskQuery().processInstanceBusinessKey(id.toString()).taskDefinitionKey(step).singleResult();
    }

    /** The caller's inbox for one bet, as step:holder. */
    @SuppressWarnings("unchecked")
    private List<String> inbox(String user, String bet) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) as(user).documentName("myTasks").variable("first", 20)
                .variable("filterBy", Map.of("betId", bet)).execute().path("myTasks.edges").entity(List.class).get();
        return edges.stream().map(e -> (Map<String, Object>) e.get("node")).map(t -> t.get("step") + ":" + t.get("assignee")).toList();
    }
}
