package io.tandem.lifecycle;

import io.tandem.decision.Gate;
import java.util.Arrays;
import java.util.List;

/**
 * What completing a user task outside GraphQL takes, per step: the variables the listeners read
 * (GateSignOffListener, ConstraintTaskListener), so that a form asks for exactly these. Whether a value is right is
 * still decided by the rules when the task completes.
 *
 * @param answer  the sign-off's {@code answer}: APPROVE or REQUEST_CHANGES (marking delivered has nothing to send back)
 * @param choice  what an approval chooses, in {@code choice}
 * @param reason  a {@code reason} may be given, and must be with REQUEST_CHANGES
 * @param response an acknowledgement's optional {@code response}
 * @param forecast a commitment approval's optional sealed {@code forecast}: the probability, 0 to 1, that the bet wins
 * @param nonGoals an outcome approval's {@code nonGoals}: whether each non-goal of the brief held (JSON)
 * @param receipts an outcome approval's {@code receipts}: whether each receipt's cost was paid as stated (JSON)
 */
public record TaskInputs(boolean answer, Choice choice, boolean reason, boolean response, boolean forecast,
                         boolean nonGoals, boolean receipts) {

    /**
     * What an approval must name. CHANGE and ESCALATION take the change request the proposer signed; an ask's OPTIONS
     * gate one of the options stated for the ask (ASK_OPTION).
     */
    public enum Choice {
        NONE, SPIKE_VERDICT, OPTION, OUTCOME_VERDICT, ASK_OPTION;

        /** The fixed values of a verdict; options are the bet's own. */
        public List<String> verdicts() {
            return switch (this) {
                case SPIKE_VERDICT -> Arrays.stream(SignOffRules.SpikeVerdict.values()).map(Enum::name).toList();
                case OUTCOME_VERDICT -> SignOffRules.reviewVerdicts();
                default -> List.of();
            };
        }
    }

    private static final TaskInputs WORK = new TaskInputs(false, Choice.NONE, false, false, false, false, false);

    public static TaskInputs of(String taskKey) {
        if (BetLifecycle.TASK_ACKNOWLEDGE_CONSTRAINT.equals(taskKey)) {
            return new TaskInputs(false, Choice.NONE, false, true, false, false, false);
        }
        return BetLifecycle.signStep(taskKey).map(step -> new TaskInputs(!BetLifecycle.TASK_MARK_DELIVERED.equals(taskKey),
                choiceAt(step.gate()), true, false, step.gate() == Gate.COMMITMENT, step.gate() == Gate.OUTCOME_REVIEW,
                step.gate() == Gate.OUTCOME_REVIEW))
                .orElse(WORK);
    }

    private static Choice choiceAt(Gate gate) {
        return switch (gate) {
            case SPIKE -> Choice.SPIKE_VERDICT;
            case COMMITMENT -> Choice.OPTION;
            case OUTCOME_REVIEW -> Choice.OUTCOME_VERDICT;
            case OPTIONS -> Choice.ASK_OPTION;
            default -> Choice.NONE;
        };
    }
}
