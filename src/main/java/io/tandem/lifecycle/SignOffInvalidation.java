package io.tandem.lifecycle;

import io.tandem.brief.BriefRevised;
import io.tandem.brief.ConstraintAdded;
import io.tandem.decision.Answer;
import io.tandem.decision.Gate;
import io.tandem.decision.SignOff;
import io.tandem.decision.SignOffs;
import io.tandem.security.Role;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nobody can approve one text and ship another, nor approve past a constraint they have not seen: when the brief
 * changes, an open gate holding an approval of an earlier revision starts a fresh round; when engineering adds a
 * constraint that holds an open gate (ConstraintHolds), a round holding product's approval starts afresh. Either way
 * that approval no longer counts and its task reopens. Runs in the revising (or adding) transaction.
 */
@Component
class SignOffInvalidation {

    private static final List<Gate> GATES_ON_THE_BRIEF = List.of(Gate.FRAMING, Gate.SPIKE, Gate.COMMITMENT);

    private final TaskService taskService;
    private final OpenTasks openTasks;
    private final RuntimeService runtimeService;
    private final SignOffs signOffs;

    SignOffInvalidation(TaskService taskService, OpenTasks openTasks, RuntimeService runtimeService, SignOffs signOffs) {
        this.taskService = taskService;
        this.openTasks = openTasks;
        this.runtimeService = runtimeService;
        this.signOffs = signOffs;
    }

    @EventListener
    void on(BriefRevised revised) {
        restartRoundsHolding(revised.betId(), GATES_ON_THE_BRIEF, s -> s.getAnswer() == Answer.APPROVE
                && !Objects.equals(s.getBriefHash(), revised.contentHash()));
    }

    @EventListener
    void on(ConstraintAdded added) {
        restartRoundsHolding(added.betId(), ConstraintHolds.gatesHeldBy(added.severity()), s -> s.getAnswer() == Answer.APPROVE
                && s.getRole().equals(Role.PRODUCT.group()));
    }

    /** Restarts each of these gates that is open with a sign-off in its round that no longer counts. */
    private void restartRoundsHolding(UUID betId, List<Gate> gates, Predicate<SignOff> voided) {
        List<String> signTasks = gates.stream().flatMap(gate -> BetLifecycle.signTasksOf(gate).stream()).toList();
        List<Task> waiting = openTasks.of(betId, signTasks);
        for (Gate gate : gates) {
            firstOf(waiting, gate).ifPresent(task -> {
                UUID round = UUID.fromString((String) taskService.getVariable(task.getId(), BetLifecycle.VAR_GATE_ROUND));
                if (signOffs.inRound(round).stream().anyMatch(voided)) {
                    restart(task.getProcessInstanceId(), BetLifecycle.gateSubprocess(gate));
                }
            });
        }
    }

    private static Optional<Task> firstOf(List<Task> waiting, Gate gate) {
        return waiting.stream().filter(task -> BetLifecycle.signTasksOf(gate).contains(task.getTaskDefinitionKey())).findFirst();
    }

    /** Starts the gate again before cancelling the old round, so its enclosing stage never looks finished. */
    private void restart(String processInstanceId, String gateSubprocess) {
        ActivityInstance gate = runtimeService.getActivityInstance(processInstanceId).getActivityInstances(gateSubprocess)[0];
        runtimeService.createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(gateSubprocess, gate.getParentActivityInstanceId())
                .cancelActivityInstance(gate.getId())
                .execute();
    }
}
