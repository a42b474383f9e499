package io.tandem.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The stall timers (timer_stalled_&lt;task&gt;, non-interrupting, on every sign-off that can stall): when one fires,
 * the sign-off it watches has waited past the threshold, so its priority rises and the escalation is recorded,
 * in the timer job's transaction. Public because the BPMN expression language reaches it by reflection.
 */
@Component("stallEscalation")
public class StallEscalation implements ExecutionListener {

    private final StallSettings settings;
    private final TaskService taskService;
    private final TaskEscalationRepository escalations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StallEscalation(StallSettings settings, TaskService taskService, TaskEscalationRepository escalations, Clock clock,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.settings = settings;
        this.taskService = taskService;
        this.escalations = escalations;
        this.clock = clock;
    }

    /** The timers' duration, read when a sign-off opens. */
    public String threshold() {
        return settings.stalledAfter().toString();
    }

    @Override
    public void notify(DelegateExecution execution) {
        String taskKey = execution.getCurrentActivityId().substring(BetLifecycle.STALL_END_PREFIX.length());
        BetLifecycle.SignStep step = BetLifecycle.signStep(taskKey).orElseThrow();
        UUID betId = UUID.fromString(execution.getProcessBusinessKey());
        List<Task> waiting = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey).taskMaxPriority(StallSettings.STALLED_PRIORITY - 1).list();
        for (Task task : waiting) {
            taskService.setPriority(task.getId(), StallSettings.STALLED_PRIORITY);
            TaskEscalation escalation = escalations.save(new TaskEscalation(betId, task.getId(), taskKey, step.gate(), step.role(),
                    task.getAssignee(), task.getCreateTime().toInstant(), clock.instant()));
            events.publishEvent(new TaskEscalated(escalation));
        }
    }
}
