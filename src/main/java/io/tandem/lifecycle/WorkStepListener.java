package io.tandem.lifecycle;

import io.tandem.ask.Asks;
import io.tandem.bet.BetService;
import io.tandem.brief.BriefService;
import io.tandem.decision.OptionService;
import io.tandem.outcome.OutcomeService;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import java.util.List;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Runs when anyone completes a work step: the right role did it, and its artifact exists. */
@Component("workStepListener")
class WorkStepListener implements TaskListener {

    private final BetService bets;
    private final BriefService briefs;
    private final OptionService options;
    private final OutcomeService outcomes;
    private final EngineUsers engineUsers;
    private final Asks asks;

    WorkStepListener(BetService bets, BriefService briefs, OptionService options, OutcomeService outcomes,
                     EngineUsers engineUsers, Asks asks) {
        this.asks = asks;
        this.bets = bets;
        this.briefs = briefs;
        this.options = options;
        this.outcomes = outcomes;
        this.engineUsers = engineUsers;
    }

    @Override
    public void notify(DelegateTask task) {
        BetLifecycle.WorkStep step = BetLifecycle.workStep(task.getTaskDefinitionKey()).orElseThrow();
        check(UUID.fromString(task.getExecution().getProcessBusinessKey()), step, engineUsers.current());
    }

    private void check(UUID betId, BetLifecycle.WorkStep step, EngineUser user) {
        if (!user.has(step.role())) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "betId", "This step is done by " + step.role().group());
        }
        switch (step.taskKey()) {
            case BetLifecycle.TASK_WRITE_BRIEF -> briefs.requireCompleteForFraming(betId);
            case BetLifecycle.TASK_RECORD_FINDINGS -> {
                if (bets.find(betId).orElseThrow().getSpikeFindings() == null) {
                    throw new RuleViolation(ErrorCode.FINDINGS_MISSING, "findings", "Record the spike's findings first");
                }
            }
            case BetLifecycle.TASK_PROPOSE_OPTIONS -> {
                if (options.current(betId).size() < 2) {
                    throw new RuleViolation(ErrorCode.TOO_FEW_OPTIONS, "options", "Propose at least two options first");
                }
            }
            case BetLifecycle.TASK_STATE_ASK_OPTIONS -> {
                if (asks.open(betId).map(ask -> asks.options(ask.id())).orElse(List.of()).isEmpty()) {
                    throw new RuleViolation(ErrorCode.TOO_FEW_OPTIONS, "options",
                            "State the ask's options first (stateAskOptions), each with what it gives up");
                }
            }
            case BetLifecycle.TASK_RECORD_OUTCOME -> {
                if (outcomes.latest(betId).isEmpty()) {
                    throw new RuleViolation(ErrorCode.OUTCOME_MISSING, "actuals", "Record the actual values of the success metrics first");
                }
            }
            default -> {
                // mapping constraints needs no artifact: finding none is a valid result
            }
        }
    }
}
