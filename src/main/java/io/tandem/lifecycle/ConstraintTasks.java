package io.tandem.lifecycle;

import io.tandem.bet.BetService;
import io.tandem.bet.Stage;
import io.tandem.brief.ConstraintAcknowledged;
import io.tandem.brief.ConstraintAdded;
import java.util.List;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Product's acknowledgement task for a constraint recorded after framing ("sprung in week eight"): it opens when the
 * constraint is added, and acknowledgeConstraint completes it in the acknowledging transaction. During framing no
 * task opens: product acknowledges every constraint before the framing gate passes anyway.
 */
@Component
class ConstraintTasks {

    /** Task.getTaskState() of a task whose completion is under way. */
    private static final String COMPLETING = "Completed";

    private final BetService bets;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final OpenTasks openTasks;
    private final ProcessUpgrade upgrade;
    private final EngineUsers engineUsers;

    ConstraintTasks(BetService bets, RuntimeService runtimeService, TaskService taskService, OpenTasks openTasks,
                    ProcessUpgrade upgrade, EngineUsers engineUsers) {
        this.bets = bets;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.openTasks = openTasks;
        this.upgrade = upgrade;
        this.engineUsers = engineUsers;
    }

    @EventListener
    void on(ConstraintAdded added) {
        if (bets.find(added.betId()).orElseThrow().getStage() == Stage.FRAMING) {
            return;
        }
        ProcessInstance process = runtimeService.createProcessInstanceQuery().processDefinitionKey(BetLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey(added.betId().toString()).singleResult();
        if (process == null) {
            // a bet whose workflow is gone (reported by operations/BrokenWorkflows): no task can open, but the constraint
            // is recorded and holds the bet's gates all the same; product acknowledges it with acknowledgeConstraint
            return;
        }
        upgrade.toReceive(process, BetLifecycle.MESSAGE_CONSTRAINT_ADDED);
        runtimeService.createMessageCorrelation(BetLifecycle.MESSAGE_CONSTRAINT_ADDED).processInstanceId(process.getId())
                .setVariableToTriggeredScope(BetLifecycle.VAR_CONSTRAINT_ID, added.constraintId().toString())
                .setVariableToTriggeredScope(BetLifecycle.VAR_CONSTRAINT_TITLE, added.title())
                .correlateWithResult();
    }

    /**
     * Completes the constraint's open task as the person who acknowledged it, under the task's rules (only its holder
     * completes a held task). When the acknowledgement came from completing that very task (Tasklist's door), the
     * engine holds it mid-completion and it is left to finish.
     */
    @EventListener
    void on(ConstraintAcknowledged acknowledged) {
        List<Task> open = openTasks.of(acknowledged.betId(), List.of(BetLifecycle.TASK_ACKNOWLEDGE_CONSTRAINT));
        for (Task task : open) {
            if (!COMPLETING.equals(task.getTaskState()) && acknowledged.constraintId().toString()
                    .equals(taskService.getVariable(task.getId(), BetLifecycle.VAR_CONSTRAINT_ID))) {
                engineUsers.actAs(acknowledged.acknowledgedBy(), () -> {
                    taskService.complete(task.getId());
                    return null;
                });
            }
        }
    }
}
