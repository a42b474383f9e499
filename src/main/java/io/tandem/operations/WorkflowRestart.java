package io.tandem.operations;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.decision.Answer;
import io.tandem.decision.Decision;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.NewDecision;
import io.tandem.decision.Signer;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.security.CurrentUser;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin brings a bet's broken workflow back: a SUSPENDED process is activated and goes on where it stopped (nobody
 * can suspend one through the web apps, so this undoes someone's work behind Tandem's back); for one that is GONE or
 * STUCK, what is left of a stuck process is cancelled and a new process starts at the entry of the bet's stage
 * (RestartPoint). Either happens in the transaction that appends the OPERATOR_INTERVENTION entry saying who did it, what
 * was found and done, and why. Either all of it is kept or none.
 *
 * <p>The engine is called without an engine authentication, so the engine's authorization (which governs the engine's web
 * apps) does not check these calls: the admin check here is the one that counts.
 */
@Service
public class WorkflowRestart {

    /** The bet after its restart, and the decision-log entry that records it. */
    public record Restarted(Bet bet, Decision decision) {
    }

    private final BetService bets;
    private final BrokenWorkflowQuery brokenWorkflows;
    private final RuntimeService runtimeService;
    private final DecisionLog decisionLog;
    private final Clock clock;

    WorkflowRestart(BetService bets, BrokenWorkflowQuery brokenWorkflows, RuntimeService runtimeService,
                    DecisionLog decisionLog, Clock clock) {
        this.bets = bets;
        this.brokenWorkflows = brokenWorkflows;
        this.runtimeService = runtimeService;
        this.decisionLog = decisionLog;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('admin')")
    public Restarted restart(UUID betId, String reason, CurrentUser admin) {
        // the bet's claim: a concurrent restart, or a concurrent change of the bet, gets CONFLICT
        Bet bet = bets.claimForChange(betId, "betId");
        if (bet.isClosed()) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "Bet " + bet.getKey() + " is CLOSED: its workflow ended as it should");
        }
        String why = Texts.required("reason", reason, Texts.SHORT_TEXT_MAX);
        BrokenWorkflow broken = brokenWorkflows.of(betId).orElseThrow(() -> new RuleViolation(ErrorCode.WORKFLOW_HEALTHY, "betId",
                "The workflow of bet " + bet.getKey() + " waits on a task or a timer: there is nothing to restart"));
        if (broken.problem() == WorkflowProblem.SUSPENDED) {
            runtimeService.activateProcessInstanceById(broken.processInstanceId());
            return recorded(betId, admin, why, "The workflow was SUSPENDED: " + broken.detail() + ". Activated process instance "
                    + broken.processInstanceId() + ": its tasks and timers go on where they stopped.");
        }
        if (!broken.problem().restartable()) {
            throw new RuleViolation(ErrorCode.WORKFLOW_NOT_RESTARTABLE, "betId", broken.detail() + ". Retry its failed job "
                    + "in Cockpit instead (the retry is recorded on the bet): a restart would throw away the tasks and timers it holds");
        }
        if (broken.problem() == WorkflowProblem.STUCK) {
            runtimeService.deleteProcessInstance(broken.processInstanceId(), "Workflow restarted by " + admin.id() + ": " + why,
                    false, true);
        }
        RestartPoint point = RestartPoint.of(bet.getStage());
        ProcessInstance started = runtimeService.createProcessInstanceByKey(BetLifecycle.PROCESS_KEY)
                .businessKey(betId.toString())
                .setVariable(BetLifecycle.VAR_BET_ID, betId.toString())
                .startBeforeActivity(point.activityId())
                .execute();
        return recorded(betId, admin, why, context(broken, point, started.getId()));
    }

    private Restarted recorded(UUID betId, CurrentUser admin, String why, String context) {
        Signer signer = new Signer(admin.id(), admin.displayName(), Role.ADMIN.group(), Answer.APPROVE.name(), null,
                StoredTime.now(clock));
        Decision entry = decisionLog.append(betId, new NewDecision(DecisionKind.OPERATOR_INTERVENTION, null, context,
                List.of(), null, why, List.of(signer), null));
        return new Restarted(bets.get(betId, "betId"), entry);
    }

    /** What was found and what was done, for the decision log. */
    private static String context(BrokenWorkflow broken, RestartPoint point, String startedId) {
        String cancelled = broken.problem() == WorkflowProblem.STUCK
                ? "Cancelled process instance " + broken.processInstanceId() + " and started" : "Started";
        return "The workflow was " + broken.problem() + ": " + broken.detail() + ". " + cancelled + " process instance "
                + startedId + " at the entry of " + point.stage() + " (" + point.activityId() + "): " + point.consequence()
                + ". Sign-offs of a gate round that was open no longer count.";
    }
}
