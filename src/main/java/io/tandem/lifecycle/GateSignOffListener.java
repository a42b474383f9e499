package io.tandem.lifecycle;

import io.tandem.ask.ReceiptSettlement;
import io.tandem.decision.Answer;
import io.tandem.outcome.NonGoalAttestation;
import io.tandem.shared.RuleViolation;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Runs when anyone completes a gate task, through GraphQL or Tasklist alike, inside the completing
 * transaction: a refused sign-off throws, and the task stays open with nothing written.
 */
@Component("gateSignOffListener")
class GateSignOffListener implements TaskListener {

    private final GateRules rules;
    private final EngineUsers engineUsers;

    GateSignOffListener(GateRules rules, EngineUsers engineUsers) {
        this.rules = rules;
        this.engineUsers = engineUsers;
    }

    @Override
    public void notify(DelegateTask task) {
        BetLifecycle.SignStep step = BetLifecycle.signStep(task.getTaskDefinitionKey()).orElseThrow();
        UUID betId = UUID.fromString(task.getExecution().getProcessBusinessKey());
        UUID roundId = UUID.fromString((String) task.getVariable(BetLifecycle.VAR_GATE_ROUND));
        Answer answer = answer(task.getVariable(BetLifecycle.VAR_ANSWER));
        String choice = text(task.getVariable(BetLifecycle.VAR_CHOICE));
        String reason = text(task.getVariable(BetLifecycle.VAR_REASON));
        Double forecast = forecast(task.getVariable(BetLifecycle.VAR_FORECAST));
        List<NonGoalAttestation> nonGoals = JsonTaskInputs.nonGoals(task.getVariable(BetLifecycle.VAR_NON_GOALS));
        List<ReceiptSettlement> receipts = JsonTaskInputs.receipts(task.getVariable(BetLifecycle.VAR_RECEIPTS));
        // The inputs belong to this sign-off only; a later gate must not find them.
        task.removeVariable(BetLifecycle.VAR_ANSWER);
        task.removeVariable(BetLifecycle.VAR_CHOICE);
        task.removeVariable(BetLifecycle.VAR_REASON);
        task.removeVariable(BetLifecycle.VAR_FORECAST);
        task.removeVariable(BetLifecycle.VAR_NON_GOALS);
        task.removeVariable(BetLifecycle.VAR_RECEIPTS);

        GateRules.Signed signed = rules.sign(betId, roundId, step, engineUsers.current(), answer, choice, reason, forecast,
                nonGoals, receipts);
        branch(task).setVariableLocal(BetLifecycle.VAR_CHANGES_REQUESTED, signed.result() == GateResult.CHANGES_REQUESTED);
        signed.processVariables().forEach((name, value) -> task.getExecution().getProcessInstance().setVariable(name, value));
    }

    /**
     * The execution that carries this side's answer on to its gateway. A sign-off with a stall timer runs in a scope
     * execution of its own that ends with the task, so the answer goes to the execution it came from.
     */
    private static DelegateExecution branch(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        return execution.getActivity() != null && execution.getActivity().isScope() ? execution.getParent() : execution;
    }

    private static Answer answer(Object value) {
        String text = text(value);
        if (text == null) {
            return Answer.APPROVE;
        }
        try {
            return Answer.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("answer", "answer must be APPROVE or REQUEST_CHANGES, not '" + text + "'");
        }
    }

    /** A forecast as a number, or as text from a form or the engine API. */
    private static Double forecast(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid("forecast", "forecast must be a number from 0 to 1, not '" + text + "'");
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
