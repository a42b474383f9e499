package io.tandem.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.NewBet;
import io.tandem.bet.Outcome;
import io.tandem.bet.Stage;
import io.tandem.bet.Uncertainty;
import io.tandem.brief.BriefContent;
import io.tandem.brief.BriefService;
import io.tandem.brief.SuccessMetric;
import io.tandem.decision.BetOption;
import io.tandem.decision.Decision;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.OptionDraft;
import io.tandem.decision.OptionService;
import io.tandem.outcome.MetricActual;
import io.tandem.outcome.OutcomeDraft;
import io.tandem.outcome.OutcomeService;
import io.tandem.outcome.Recommendation;
import io.tandem.security.CurrentUser;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.support.TandemTest;
import io.tandem.support.TestDatabase;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bet-lifecycle BPMN path by path, driven the way Tasklist drives it: a user is
 * authenticated with the engine and completes a task with the variables a Tasklist user types
 * (answer, choice, reason). The gate rules run in the task listeners either way.
 *
 * The BPMN's listeners and expressions (gateSignOffListener, stageTracker, ...) are Spring beans that write to
 * PostgreSQL, so these tests run in the Spring Boot context against the Spring-managed engine (an engine built by
 * a test extension from a configuration file of its own would have none of them); ProcessPath reads where an
 * instance went. The job executor runs too, so timers keep their default durations (days) and the tests fire
 * them explicitly.
 */
@TandemTest
class BetLifecycleProcessTest {

    private static final String METRIC = "checkout conversion";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    private ProcessEngine processEngine;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private BetService bets;
    @Autowired
    private BriefService briefs;
    @Autowired
    private OptionService options;
    @Autowired
    private OutcomeService outcomes;
    @Autowired
    private DecisionLog decisionLog;

    @AfterEach
    void forgetWhoIsSignedIn() {
        identityService.clearAuthentication();
        SecurityContextHolder.clearContext();
    }

    @Test
    void lowUncertaintyBetSkipsTheSpikeAndEndsClosed() {
        UUID bet = newBet(Uncertainty.LOW);
        assertWaitingAt(bet, "task_write_brief", "task_map_constraints");

        passFraming(bet);
        assertWaitingAt(bet, "task_propose_options");
        commit(bet);
        assertWaitingAt(bet, "task_mark_delivered");
        deliver(bet);
        assertWaitingAt(bet, "timer_measurement_period");
        fireTimer(bet, "timer_measurement_period");
        recordOutcome(bet);
        sign(bet, "task_sign_outcome_product", "priya", Role.PRODUCT, approve("WON"));
        sign(bet, "task_sign_outcome_engineering", "erin", Role.ENGINEERING, approve("WON"));

        path(bet).hasPassed("subprocess_framing_gate", "gateway_spike_needed",
                        "subprocess_commitment_gate", "subprocess_delivery_gate", "subprocess_outcome_gate", "end_closed")
                .hasNotPassed("task_record_findings", "subprocess_kill_gate").isEnded();
        assertThat(bet(bet).getStage()).isEqualTo(Stage.CLOSED);
        assertThat(bet(bet).getOutcome()).isEqualTo(Outcome.WON);
    }

    @Test
    void highUncertaintyBetRunsASpikeAfterFraming() {
        UUID bet = newBet(Uncertainty.HIGH);
        passFraming(bet);

        assertWaitingAt(bet, "task_record_findings");
        assertThat(bet(bet).getStage()).isEqualTo(Stage.SPIKE);
    }

    @Test
    void spikeVerdictProceedGoesOnToCommitment() {
        UUID bet = newBet(Uncertainty.HIGH);
        passFraming(bet);
        recordFindings(bet);
        assertWaitingAt(bet, "task_sign_spike_product", "task_sign_spike_engineering");

        signSpike(bet, "PROCEED");

        path(bet).hasPassed("subprocess_spike_gate", "gateway_spike_verdict");
        assertWaitingAt(bet, "task_propose_options");
        assertThat(bet(bet).getStage()).isEqualTo(Stage.COMMITMENT);
    }

    @Test
    void spikeVerdictReframeReturnsToFramingWork() {
        UUID bet = newBet(Uncertainty.HIGH);
        passFraming(bet);
        recordFindings(bet);

        signSpike(bet, "REFRAME");

        path(bet).hasPassed("gateway_spike_verdict", "gateway_framing_entry");
        assertWaitingAt(bet, "task_write_brief", "task_map_constraints");
        assertThat(bet(bet).getStage()).isEqualTo(Stage.FRAMING);
        assertThat(lastDecision(bet).getKind()).isEqualTo(DecisionKind.SPIKE_VERDICT);
        assertThat(lastDecision(bet).getChosenOption()).isEqualTo("REFRAME");
    }

    @Test
    void spikeVerdictKillEndsAtEndKilled() {
        UUID bet = newBet(Uncertainty.HIGH);
        passFraming(bet);
        recordFindings(bet);

        signSpike(bet, "KILL");

        path(bet).hasPassed("end_spike_killed", "end_killed")
                .hasNotPassed("end_closed", "end_killed_by_agreement").isEnded();
        assertThat(bet(bet).getStage()).isEqualTo(Stage.CLOSED);
        assertThat(bet(bet).getOutcome()).isEqualTo(Outcome.KILLED);
    }

    @Test
    void spikeTimeboxTimerOpensTheVerdictGateWithoutFindings() {
        UUID bet = newBet(Uncertainty.HIGH);
        passFraming(bet);

        fireTimer(bet, "timer_spike_timebox");

        path(bet).hasPassed("timer_spike_timebox");
        assertWaitingAt(bet, "task_sign_spike_product", "task_sign_spike_engineering");
        assertThat(bet(bet).getSpikeFindings()).isNull();
    }

    @Test
    void measurementPeriodTimerOpensTheOutcomeReview() {
        UUID bet = newBet(Uncertainty.LOW);
        passFraming(bet);
        commit(bet);
        deliver(bet);
        assertThat(bet(bet).getStage()).isEqualTo(Stage.MEASURING);

        fireTimer(bet, "timer_measurement_period");

        path(bet).hasPassed("timer_measurement_period");
        assertWaitingAt(bet, "task_record_outcome");
        assertThat(bet(bet).getStage()).isEqualTo(Stage.OUTCOME_REVIEW);
    }

    @Test
    void killAgreedByBothSidesEndsAtEndKilledByAgreement() {
        UUID bet = newBet(Uncertainty.LOW);
        passFraming(bet);
        commit(bet);

        proposeKill(bet, "The payment provider is sunsetting the API");
        assertWaitingAt(bet, "task_mark_delivered", "task_sign_kill_product", "task_sign_kill_engineering");
        sign(bet, "task_sign_kill_engineering", "erin", Role.ENGINEERING, approve(null));
        sign(bet, "task_sign_kill_product", "priya", Role.PRODUCT, approve(null));

        path(bet).hasPassed("subprocess_kill_gate", "end_killed_by_agreement")
                .hasNotPassed("end_closed").isEnded();
        assertThat(openTasks(bet)).isEmpty();
        assertThat(bet(bet).getOutcome()).isEqualTo(Outcome.KILLED);
        assertThat(lastDecision(bet).getKind()).isEqualTo(DecisionKind.KILLED);
    }

    @Test
    void killRejectedEndsOnlyTheKillGateAndTheStagesContinue() {
        UUID bet = newBet(Uncertainty.LOW);
        passFraming(bet);

        proposeKill(bet, "A competitor shipped this already");
        sign(bet, "task_sign_kill_product", "priya", Role.PRODUCT, approve(null));
        sign(bet, "task_sign_kill_engineering", "erin", Role.ENGINEERING, requestChanges("Ours still differs"));

        path(bet).hasPassed("end_kill_rejected").hasNotPassed("end_killed_by_agreement")
                .isNotEnded();
        assertWaitingAt(bet, "task_propose_options");
        assertThat(lastDecision(bet).getKind()).isEqualTo(DecisionKind.KILL_REJECTED);
        commit(bet);
        assertWaitingAt(bet, "task_mark_delivered");
    }

    /** A gate where one side asks for changes, and where the bet goes back to. */
    record ChangesRequested(String gate, Uncertainty uncertainty, BiConsumer<BetLifecycleProcessTest, UUID> reachGate,
            String signTask, Role side, String reason, String end, Stage stage, String... workAgain) {
        @Override
        public String toString() {
            return gate;
        }
    }

    static Stream<ChangesRequested> changesRequested() {
        return Stream.of(
                new ChangesRequested("framing", Uncertainty.LOW, BetLifecycleProcessTest::completeFramingWork,
                        "task_sign_framing_product", Role.PRODUCT, "The segment is too broad",
                        "end_framing_changes_requested_product", Stage.FRAMING, "task_write_brief", "task_map_constraints"),
                new ChangesRequested("spike verdict", Uncertainty.HIGH, (test, bet) -> {
                    test.passFraming(bet);
                    test.recordFindings(bet);
                }, "task_sign_spike_engineering", Role.ENGINEERING, "Measure the redirect latency too",
                        "end_spike_changes_requested_engineering", Stage.SPIKE, "task_record_findings"),
                new ChangesRequested("commitment", Uncertainty.LOW, (test, bet) -> {
                    test.passFraming(bet);
                    test.proposeOptions(bet);
                }, "task_sign_commitment_product", Role.PRODUCT, "Both miss the holiday season",
                        "end_commitment_changes_requested_product", Stage.COMMITMENT, "task_propose_options"),
                new ChangesRequested("delivery", Uncertainty.LOW, (test, bet) -> {
                    test.passFraming(bet);
                    test.commit(bet);
                    test.sign(bet, "task_mark_delivered", "erin", Role.ENGINEERING, approve(null));
                }, "task_confirm_delivery", Role.PRODUCT, "Refunds still use the old flow",
                        "end_delivery_changes_requested_product", Stage.DELIVERY, "task_mark_delivered"),
                new ChangesRequested("outcome review", Uncertainty.LOW, (test, bet) -> {
                    test.passFraming(bet);
                    test.commit(bet);
                    test.deliver(bet);
                    test.fireTimer(bet, "timer_measurement_period");
                    test.recordOutcome(bet);
                }, "task_sign_outcome_engineering", Role.ENGINEERING, "Measure a full month",
                        "end_outcome_changes_requested_engineering", Stage.OUTCOME_REVIEW, "task_record_outcome"));
    }

    @ParameterizedTest(name = "changes requested at {0} return to its work")
    @MethodSource("changesRequested")
    void changesRequestedAtAGateReturnToTheWorkBeforeIt(ChangesRequested gate) {
        UUID bet = newBet(gate.uncertainty());
        gate.reachGate().accept(this, bet);

        sign(bet, gate.signTask(), gate.side() == Role.PRODUCT ? "priya" : "erin", gate.side(), requestChanges(gate.reason()));

        path(bet).hasPassed(gate.end());
        assertWaitingAt(bet, gate.workAgain());
        assertThat(bet(bet).getStage()).isEqualTo(gate.stage());
    }

    @Test
    void gateTaskCompletedInTasklistWithoutTheRoleIsRefusedByTheEngine() {
        UUID bet = newBet(Uncertainty.LOW);
        completeFramingWork(bet);

        // engineering is no candidate of product's side, so the engine's authorization refuses before any listener runs
        assertThatThrownBy(() -> sign(bet, "task_sign_framing_product", "erin", Role.ENGINEERING, approve(null)))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("TASK_WORK");

        assertWaitingAt(bet, "task_sign_framing_product", "task_sign_framing_engineering");
    }

    @Test
    void gateTaskCompletedInTasklistBySamePersonForBothSidesIsRefused() {
        UUID bet = newBet(Uncertainty.LOW);
        completeFramingWork(bet);
        complete(bet, "task_sign_framing_product", "sam", Set.of(Role.PRODUCT, Role.ENGINEERING), approve(null));

        assertThatThrownBy(() -> complete(bet, "task_sign_framing_engineering", "sam",
                Set.of(Role.PRODUCT, Role.ENGINEERING), approve(null)))
                .satisfies(e -> assertThat(RuleViolation.findIn(e)).isNotNull()
                        .extracting(RuleViolation::code).isEqualTo(ErrorCode.SAME_PERSON));

        assertWaitingAt(bet, "task_sign_framing_engineering");
    }

    // --- domain prerequisites, through the Spring services as the person who would provide them

    private UUID newBet(Uncertainty uncertainty) {
        String question = uncertainty == Uncertainty.HIGH ? "Can the provider do 3DS without a redirect?" : null;
        return as("priya", Set.of(Role.PRODUCT), () -> bets.create(
                new NewBet("Bet " + System.nanoTime(), uncertainty, null, null, question, null, null, null),
                user("priya", Set.of(Role.PRODUCT)))).getId();
    }

    private void writeBrief(UUID bet) {
        as("priya", Set.of(Role.PRODUCT), () -> briefs.revise(bet, new BriefContent(
                "Checkout abandons at the payment step", "Small online shops", "Payment drop-off costs the most",
                null, null, List.of(new SuccessMetric(METRIC, "%", 2.0, 3.0, null)), List.of(), null, null, null),
                user("priya", Set.of(Role.PRODUCT))));
    }

    private void recordFindings(UUID bet) {
        bets.recordSpikeFindings(bet, "3DS adds a redirect we cannot skip");
        complete(bet, "task_record_findings", "erin", Set.of(Role.ENGINEERING), Map.of());
    }

    private void proposeOptions(UUID bet) {
        options.propose(bet, List.of(
                new OptionDraft("Thin slice", "One payment method", LocalDate.now().plusMonths(1), "Ships soon", "Wallets wait", null),
                new OptionDraft("Full depth", "All payment methods", LocalDate.now().plusMonths(3), "Every customer", "Two more months", null)),
                "erin");
        complete(bet, "task_propose_options", "erin", Set.of(Role.ENGINEERING), Map.of());
    }

    private void recordOutcome(UUID bet) {
        outcomes.record(bet, new OutcomeDraft(List.of(new MetricActual(METRIC, 3.4)), "Fewer fields beat more payment methods",
                "Measure drop-off per field from day one", Recommendation.GRADUATE), "priya");
        complete(bet, "task_record_outcome", "priya", Set.of(Role.PRODUCT), Map.of());
    }

    private void proposeKill(UUID bet, String rationale) {
        runtimeService.createMessageCorrelation(BetLifecycle.MESSAGE_KILL_PROPOSED)
                .processInstanceBusinessKey(bet.toString())
                .setVariable(BetLifecycle.VAR_KILL_RATIONALE, rationale)
                .correlate();
    }

    // --- the workflow steps, as Tasklist users complete them

    private void completeFramingWork(UUID bet) {
        writeBrief(bet);
        complete(bet, "task_write_brief", "priya", Set.of(Role.PRODUCT), Map.of());
        complete(bet, "task_map_constraints", "erin", Set.of(Role.ENGINEERING), Map.of());
    }

    private void passFraming(UUID bet) {
        completeFramingWork(bet);
        sign(bet, "task_sign_framing_product", "priya", Role.PRODUCT, approve(null));
        sign(bet, "task_sign_framing_engineering", "erin", Role.ENGINEERING, approve(null));
    }

    private void signSpike(UUID bet, String verdict) {
        sign(bet, "task_sign_spike_product", "priya", Role.PRODUCT, approve(verdict));
        sign(bet, "task_sign_spike_engineering", "erin", Role.ENGINEERING, approve(verdict));
    }

    private void commit(UUID bet) {
        proposeOptions(bet);
        String option = options.current(bet).stream().map(BetOption::getId).map(UUID::toString).findFirst().orElseThrow();
        sign(bet, "task_sign_commitment_product", "priya", Role.PRODUCT, approve(option));
        sign(bet, "task_sign_commitment_engineering", "erin", Role.ENGINEERING, approve(option));
    }

    private void deliver(UUID bet) {
        sign(bet, "task_mark_delivered", "erin", Role.ENGINEERING, approve(null));
        sign(bet, "task_confirm_delivery", "priya", Role.PRODUCT, approve(null));
    }

    private void sign(UUID bet, String taskKey, String userId, Role role, Map<String, Object> inputs) {
        complete(bet, taskKey, userId, Set.of(role), inputs);
    }

    /** What a Tasklist user types to approve: answer APPROVE and, where the gate has one, the choice. */
    private static Map<String, Object> approve(String choice) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(BetLifecycle.VAR_ANSWER, "APPROVE");
        if (choice != null) {
            inputs.put(BetLifecycle.VAR_CHOICE, choice);
        }
        return inputs;
    }

    private static Map<String, Object> requestChanges(String reason) {
        return Map.of(BetLifecycle.VAR_ANSWER, "REQUEST_CHANGES", BetLifecycle.VAR_REASON, reason);
    }

    /** Completes the open task as Tasklist does: the engine knows the user and their groups. */
    private void complete(UUID bet, String taskKey, String userId, Set<Role> roles, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(bet.toString())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        identityService.setAuthentication(userId, roles.stream().map(Role::group).toList());
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Executes the timer now instead of waiting for its due date (which is days away). */
    private void fireTimer(UUID bet, String timerId) {
        String process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(bet.toString())
                .singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(process).timers()
                .activityId(timerId).singleResult();
        assertThat(timer).as("timer " + timerId).isNotNull();
        managementService.executeJob(timer.getId());
    }

    // --- reading

    /** The process waits at these activities, and the open tasks are exactly those of them that are tasks. */
    private void assertWaitingAt(UUID bet, String... activities) {
        path(bet).isWaitingAt(activities);
        List<String> tasks = Arrays.stream(activities).filter(a -> a.startsWith("task_")).toList();
        assertThat(openTasks(bet)).containsExactlyInAnyOrderElementsOf(tasks);
    }

    /** Where the bet's process has been and waits, found by the bet's id even after the process ended. */
    private ProcessPath path(UUID bet) {
        return ProcessPath.of(processEngine, bet);
    }

    private Bet bet(UUID bet) {
        return bets.find(bet).orElseThrow();
    }

    private Decision lastDecision(UUID bet) {
        List<Decision> all = decisionLog.all(bet);
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private List<String> openTasks(UUID bet) {
        return taskService.createTaskQuery().processInstanceBusinessKey(bet.toString()).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    private static CurrentUser user(String id, Set<Role> roles) {
        return new CurrentUser(id, id, roles);
    }

    /** Runs work as a signed-in person, so the services' method security lets them through. */
    private static <T> T as(String userId, Set<Role> roles, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
                roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
