package io.tandem.lifecycle;

import io.tandem.security.Role;
import io.tandem.shared.OwnEngineCalls;
import java.util.List;
import java.util.UUID;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The open sign-offs of one side of a bet, when who may sign that side changes (a new lead, a stand-in's period): their
 * candidates are changed in the engine, which Tasklist, the engine's authorizations and myTasks all read, so every door
 * agrees at once. Tandem's own engine calls, made after the rules of the change were checked.
 */
@Component
public class SideTasks {

    private final TaskService taskService;
    private final OpenTasks openTasks;
    private final ApplicationEventPublisher events;

    SideTasks(TaskService taskService, OpenTasks openTasks, ApplicationEventPublisher events) {
        this.taskService = taskService;
        this.openTasks = openTasks;
        this.events = events;
    }

    /**
     * The side's open sign-offs wait on this lead only (a change of lead ends the outgoing lead's stand-ins); a claim by
     * anyone else is let go, so the new lead can take them.
     */
    public void moveTo(UUID betId, Role side, String lead, String outgoing) {
        List<Task> tasks = openSignOffs(betId, side);
        OwnEngineCalls.run(() -> {
            for (Task task : tasks) {
                for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                        if (link.getGroupId() != null) {
                            taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
                        } else {
                            taskService.deleteCandidateUser(task.getId(), link.getUserId());
                        }
                    }
                }
                taskService.addCandidateUser(task.getId(), lead);
                if (task.getAssignee() != null && !task.getAssignee().equals(lead)) {
                    TaskRules.movingTasks(() -> taskService.setAssignee(task.getId(), null));
                }
            }
            return null;
        });
        moved(betId, side, tasks, lead, outgoing);
    }

    /** A stand-in's period began: they are offered the side's open sign-offs too. */
    public void offer(UUID betId, Role side, String standIn) {
        List<Task> tasks = openSignOffs(betId, side);
        OwnEngineCalls.run(() -> {
            for (Task task : tasks) {
                boolean offered = taskService.getIdentityLinksForTask(task.getId()).stream().anyMatch(link ->
                        IdentityLinkType.CANDIDATE.equals(link.getType()) && standIn.equals(link.getUserId()));
                if (!offered) {
                    taskService.addCandidateUser(task.getId(), standIn);
                }
            }
            return null;
        });
        moved(betId, side, tasks, standIn, null);
    }

    /** A stand-in's period ended: the side's open sign-offs are no longer theirs, claimed or offered. */
    public void withdraw(UUID betId, Role side, String standIn) {
        List<Task> tasks = openSignOffs(betId, side);
        OwnEngineCalls.run(() -> {
            for (Task task : tasks) {
                taskService.deleteCandidateUser(task.getId(), standIn);
                if (standIn.equals(task.getAssignee())) {
                    TaskRules.movingTasks(() -> taskService.setAssignee(task.getId(), null));
                }
            }
            return null;
        });
        moved(betId, side, tasks, null, standIn);
    }

    private void moved(UUID betId, Role side, List<Task> tasks, String to, String from) {
        if (!tasks.isEmpty()) {
            events.publishEvent(new SignOffsMoved(betId, side, tasks.stream().map(task -> new SignOffsMoved.MovedTask(
                    task.getId(), task.getTaskDefinitionKey(), BetLifecycle.signStep(task.getTaskDefinitionKey())
                    .map(BetLifecycle.SignStep::gate).orElse(null))).toList(), to, from));
        }
    }

    private List<Task> openSignOffs(UUID betId, Role side) {
        return openTasks.of(betId, BetLifecycle.SIGN_STEPS.stream().filter(step -> step.role() == side)
                .map(BetLifecycle.SignStep::taskKey).toList());
    }
}
