package io.tandem.live;

import io.tandem.bet.BetService;
import io.tandem.bet.StandIns;
import io.tandem.decision.Gate;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.lifecycle.TaskCandidates;
import io.tandem.security.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.PropertyChange;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.task.TaskDefinition;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The source of {@code inboxChanged}: a process engine plugin (the Operaton starter installs every plugin bean)
 * whose parse listener gives every user task of the bet lifecycle a built-in task listener (other processes'
 * tasks are nobody's inbox). It turns the task's create, assignment, complete and delete events into a
 * {@link TaskChange}, inside the engine's transaction, so the change goes out only if that transaction commits.
 * Built-in listeners run before the BPMN's own, and also when an operator skips custom listeners in Cockpit.
 * Whatever door the change came through (GraphQL, Tasklist, a timer) it is seen.
 */
@Component
class TaskEventPlugin extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    private final TaskListener listener;

    TaskEventPlugin(ObjectProvider<LiveEvents> events, ObjectProvider<BetService> bets, ObjectProvider<StandIns> standIns,
                    ObjectProvider<TaskCandidates> candidates, Clock clock) {
        this.listener = task -> raise(task, events.getObject(), bets.getObject(), standIns.getObject(), candidates.getObject(),
                clock);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (!BetLifecycle.PROCESS_KEY.equals(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
                    return;
                }
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, listener));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static void raise(DelegateTask task, LiveEvents events, BetService bets, StandIns standIns,
                              TaskCandidates candidates, Clock clock) {
        DelegateExecution execution = task.getExecution();
        Optional<UUID> betId = execution == null ? Optional.empty() : uuid(execution.getProcessBusinessKey());
        if (betId.isEmpty()) {
            return;
        }
        String previous = previousAssignee(task);
        TaskChange.Kind kind = switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> TaskChange.Kind.CREATED;
            case TaskListener.EVENTNAME_ASSIGNMENT -> task.getAssignee() == null ? TaskChange.Kind.UNCLAIMED : TaskChange.Kind.CLAIMED;
            case TaskListener.EVENTNAME_COMPLETE -> TaskChange.Kind.COMPLETED;
            case TaskListener.EVENTNAME_DELETE -> TaskChange.Kind.CANCELLED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        String step = task.getTaskDefinitionKey();
        Gate gate = BetLifecycle.signStep(step).map(BetLifecycle.SignStep::gate).orElse(null);
        Role role = BetLifecycle.roleOf(step).orElse(null);
        String lead = bets.find(betId.get()).map(bet -> candidates.signerOf(bet, step)).orElse(null);
        List<String> standingIn = lead == null || role == Role.LEADERSHIP ? List.of() : standIns.activeFor(betId.get(), role);
        events.taskChanged(new TaskChange(kind, task.getId(), betId.get(), step, gate, role, lead, standingIn, task.getAssignee(),
                kind == TaskChange.Kind.CLAIMED || kind == TaskChange.Kind.UNCLAIMED ? previous : null, clock.instant()));
    }

    /** Who held the task before this assignment (the engine tracks the change until the command ends). */
    private static String previousAssignee(DelegateTask task) {
        if (task instanceof TaskEntity entity) {
            PropertyChange change = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
            return change == null ? null : change.getOrgValueString();
        }
        return null;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
