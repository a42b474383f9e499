package io.tandem.lifecycle;

import io.tandem.bet.Bet;
import io.tandem.bet.Stage;
import io.tandem.decision.Gate;
import io.tandem.security.Role;
import java.util.List;
import java.util.Optional;

/** Mirrors bpmn/bet-lifecycle.bpmn: the process key, element ids and variable names code relies on. */
public final class BetLifecycle {

    public static final String PROCESS_KEY = "bet-lifecycle";
    public static final String MESSAGE_KILL_PROPOSED = "KillProposed";
    public static final String MESSAGE_VOID_PROPOSED = "VoidProposed";
    public static final String MESSAGE_CHANGE_REQUESTED = "ChangeRequested";
    public static final String MESSAGE_CONSTRAINT_ADDED = "ConstraintAdded";
    /** Opens the CORRECTION gate of an open bet (a boundary event of the stages). */
    public static final String MESSAGE_CORRECTION_PROPOSED = "CorrectionProposed";
    /** Starts a process of a closed bet that holds only its CORRECTION gate (a message start event). */
    public static final String MESSAGE_CLOSED_BET_CORRECTION_PROPOSED = "ClosedBetCorrectionProposed";
    /** Opens the OPTIONS gate of a bet in delivery (an event subprocess of delivery). */
    public static final String MESSAGE_ASK_MADE = "AskMade";

    public static final String TASK_WRITE_BRIEF = "task_write_brief";
    public static final String TASK_MAP_CONSTRAINTS = "task_map_constraints";
    public static final String TASK_RECORD_FINDINGS = "task_record_findings";
    public static final String TASK_PROPOSE_OPTIONS = "task_propose_options";
    public static final String TASK_MARK_DELIVERED = "task_mark_delivered";
    public static final String TASK_CONFIRM_DELIVERY = "task_confirm_delivery";
    public static final String TASK_RECORD_OUTCOME = "task_record_outcome";
    /** One per technical constraint recorded after framing, in the stages' event subprocess. */
    public static final String TASK_ACKNOWLEDGE_CONSTRAINT = "task_acknowledge_constraint";
    /** Engineering states the options of a leader's ask, in the OPTIONS gate's event subprocess. */
    public static final String TASK_STATE_ASK_OPTIONS = "task_state_ask_options";
    public static final String TIMER_SPIKE_TIMEBOX = "timer_spike_timebox";
    public static final String TIMER_MEASUREMENT_PERIOD = "timer_measurement_period";
    public static final String TIMER_WINDOW_REACHED = "timer_window_reached";
    /** Each stall timer is timer_stalled_&lt;task&gt;; its path ends in end_stalled_&lt;task&gt;. */
    public static final String STALL_TIMER_PREFIX = "timer_stalled_";
    public static final String STALL_END_PREFIX = "end_stalled_";

    /** Set when the process starts: the bet's id (also its business key). */
    public static final String VAR_BET_ID = "betId";
    /** The bet's key and title (kept current), and the stage it is in: for Tasklist's lists and Cockpit's search. */
    public static final String VAR_BET_KEY = "betKey";
    public static final String VAR_BET_TITLE = "betTitle";
    public static final String VAR_STAGE = "stage";
    /** Inputs a signer gives when completing a gate task (GraphQL sets them; Tasklist users type them). */
    public static final String VAR_ANSWER = "answer";
    public static final String VAR_CHOICE = "choice";
    public static final String VAR_REASON = "reason";
    /** A commitment signer's sealed forecast: the probability, 0 to 1, that the bet wins. */
    public static final String VAR_FORECAST = "forecast";
    /** An outcome approval's attestations of the brief's non-goals: JSON, [{"nonGoal", "held", "note"}]. */
    public static final String VAR_NON_GOALS = "nonGoals";
    /** An outcome approval's settlement of the bet's receipts: JSON, [{"receiptId", "paid", "note"}]. */
    public static final String VAR_RECEIPTS = "receipts";
    /** What product says when completing a constraint's acknowledgement task (optional). */
    public static final String VAR_RESPONSE = "response";
    /** Set on each acknowledgement task's scope when it opens: the constraint it asks about. */
    public static final String VAR_CONSTRAINT_ID = "constraintId";
    public static final String VAR_CONSTRAINT_TITLE = "constraintTitle";
    /** Set by the listeners for the gateways. */
    public static final String VAR_GATE_ROUND = "gateRoundId";
    public static final String VAR_CHANGES_REQUESTED = "changesRequested";
    public static final String VAR_SPIKE_NEEDED = "spikeNeeded";
    public static final String VAR_SPIKE_VERDICT = "spikeVerdict";
    public static final String VAR_KILL_RATIONALE = "killRationale";

    /** One side of one gate: the user task a person of that role completes to sign. */
    public record SignStep(Gate gate, Role role, String taskKey) {
    }

    public static final List<SignStep> SIGN_STEPS = List.of(
            new SignStep(Gate.FRAMING, Role.PRODUCT, "task_sign_framing_product"),
            new SignStep(Gate.FRAMING, Role.ENGINEERING, "task_sign_framing_engineering"),
            new SignStep(Gate.SPIKE, Role.PRODUCT, "task_sign_spike_product"),
            new SignStep(Gate.SPIKE, Role.ENGINEERING, "task_sign_spike_engineering"),
            new SignStep(Gate.COMMITMENT, Role.PRODUCT, "task_sign_commitment_product"),
            new SignStep(Gate.COMMITMENT, Role.ENGINEERING, "task_sign_commitment_engineering"),
            new SignStep(Gate.DELIVERY, Role.ENGINEERING, TASK_MARK_DELIVERED),
            new SignStep(Gate.DELIVERY, Role.PRODUCT, TASK_CONFIRM_DELIVERY),
            new SignStep(Gate.OUTCOME_REVIEW, Role.PRODUCT, "task_sign_outcome_product"),
            new SignStep(Gate.OUTCOME_REVIEW, Role.ENGINEERING, "task_sign_outcome_engineering"),
            new SignStep(Gate.KILL, Role.PRODUCT, "task_sign_kill_product"),
            new SignStep(Gate.KILL, Role.ENGINEERING, "task_sign_kill_engineering"),
            new SignStep(Gate.VOID, Role.PRODUCT, "task_sign_void_product"),
            new SignStep(Gate.VOID, Role.ENGINEERING, "task_sign_void_engineering"),
            new SignStep(Gate.CHANGE, Role.PRODUCT, "task_sign_change_product"),
            new SignStep(Gate.CHANGE, Role.ENGINEERING, "task_sign_change_engineering"),
            new SignStep(Gate.ESCALATION, Role.PRODUCT, "task_sign_escalation_product"),
            new SignStep(Gate.ESCALATION, Role.ENGINEERING, "task_sign_escalation_engineering"),
            new SignStep(Gate.CORRECTION, Role.PRODUCT, "task_sign_correction_product"),
            new SignStep(Gate.CORRECTION, Role.ENGINEERING, "task_sign_correction_engineering"),
            new SignStep(Gate.OPTIONS, Role.PRODUCT, "task_sign_options_product"),
            new SignStep(Gate.OPTIONS, Role.ENGINEERING, "task_sign_options_engineering"),
            new SignStep(Gate.OPTIONS, Role.LEADERSHIP, "task_sign_options_leadership"));

    /** Work steps: who does them. */
    public record WorkStep(String taskKey, Role role) {
    }

    public static final List<WorkStep> WORK_STEPS = List.of(
            new WorkStep(TASK_WRITE_BRIEF, Role.PRODUCT),
            new WorkStep(TASK_MAP_CONSTRAINTS, Role.ENGINEERING),
            new WorkStep(TASK_RECORD_FINDINGS, Role.ENGINEERING),
            new WorkStep(TASK_PROPOSE_OPTIONS, Role.ENGINEERING),
            new WorkStep(TASK_STATE_ASK_OPTIONS, Role.ENGINEERING),
            new WorkStep(TASK_RECORD_OUTCOME, Role.PRODUCT),
            new WorkStep(TASK_ACKNOWLEDGE_CONSTRAINT, Role.PRODUCT));

    private BetLifecycle() {
    }

    public static Optional<SignStep> signStep(String taskKey) {
        return SIGN_STEPS.stream().filter(s -> s.taskKey().equals(taskKey)).findFirst();
    }

    public static SignStep signStep(Gate gate, Role role) {
        return SIGN_STEPS.stream().filter(s -> s.gate() == gate && s.role() == role).findFirst().orElseThrow();
    }

    public static Optional<WorkStep> workStep(String taskKey) {
        return WORK_STEPS.stream().filter(s -> s.taskKey().equals(taskKey)).findFirst();
    }

    /**
     * The bet's named lead a task waits on: for a sign-off, the lead of its side (only they sign: docs/product.md,
     * "Two people at every gate"); work steps wait on their whole role. Null when there is none.
     */
    public static String leadOf(Bet bet, String taskKey) {
        return signStep(taskKey).map(step -> bet.leadFor(step.role())).orElse(null);
    }

    /** The role a task waits on, sign-off or work step. */
    public static Optional<Role> roleOf(String taskKey) {
        return signStep(taskKey).map(SignStep::role).or(() -> workStep(taskKey).map(WorkStep::role));
    }

    /**
     * Whether a task has a stall timer (timer_stalled_&lt;task&gt;): every sign-off except marking delivered, which
     * stays open for the whole delivery (the window timer watches that).
     */
    public static boolean stalls(String taskKey) {
        return signStep(taskKey).isPresent() && !TASK_MARK_DELIVERED.equals(taskKey);
    }

    /** The subprocess that holds a gate's sign-off tasks; restarting it opens a fresh round. */
    public static String gateSubprocess(Gate gate) {
        return switch (gate) {
            case FRAMING -> "subprocess_framing_gate";
            case SPIKE -> "subprocess_spike_gate";
            case COMMITMENT -> "subprocess_commitment_gate";
            case DELIVERY -> "subprocess_delivery_gate";
            case OUTCOME_REVIEW -> "subprocess_outcome_gate";
            case KILL -> "subprocess_kill_gate";
            case VOID -> "subprocess_void_gate";
            case CHANGE -> "subprocess_change_gate";
            case ESCALATION -> "subprocess_escalation_gate";
            case CORRECTION -> "subprocess_correction_gate";
            case OPTIONS -> "subprocess_options_gate";
        };
    }

    /**
     * The element where the process enters a stage: starting the process before it (operations restarts a bet's
     * workflow there) opens the stage's first work, or for MEASURING the measurement timer, as if the bet had just
     * arrived. CLOSED has none: the process has ended.
     */
    public static String stageEntry(Stage stage) {
        return switch (stage) {
            case FRAMING -> "gateway_framing_entry";
            case SPIKE -> "gateway_spike_entry";
            case COMMITMENT -> "gateway_commitment_entry";
            case DELIVERY -> "gateway_delivery_entry";
            case MEASURING -> TIMER_MEASUREMENT_PERIOD;
            case OUTCOME_REVIEW -> "gateway_outcome_entry";
            case CLOSED -> throw new IllegalArgumentException("A closed bet's process has ended; it has no stage to enter");
        };
    }

    /** The sides whose approvals pass a gate: product and engineering, and at OPTIONS the asking leader too. */
    public static List<Role> sidesOf(Gate gate) {
        return SIGN_STEPS.stream().filter(s -> s.gate() == gate).map(SignStep::role).distinct().toList();
    }

    public static List<String> signTasksOf(Gate gate) {
        return SIGN_STEPS.stream().filter(s -> s.gate() == gate).map(SignStep::taskKey).toList();
    }
}
