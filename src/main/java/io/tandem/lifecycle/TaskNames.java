package io.tandem.lifecycle;

import io.tandem.bet.Bet;
import io.tandem.shared.OwnEngineCalls;
import java.util.UUID;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a task is called where people meet it (Tasklist, myTasks): the step's name from the BPMN and the bet it is
 * about, "Sign framing gate (product) — BET-42 Faster checkout", so a list of tasks says which bet each belongs to.
 * The bet's key and title are also process variables (betKey, betTitle) for Tasklist's lists and Cockpit's search.
 */
@Component
public class TaskNames {

    /** The engine's task names are at most this long. */
    static final int MAX = 255;
    static final String SEPARATOR = " — ";

    private final TaskService taskService;
    private final RuntimeService runtimeService;

    TaskNames(TaskService taskService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    static String of(String stepName, Bet bet) {
        String name = stepName + SEPARATOR + bet.getKey() + " " + bet.getTitle();
        return name.length() <= MAX ? name : name.substring(0, MAX - 1) + "…";
    }

    /** The bet's title changed: its open tasks and its process variable say the new one. */
    public void retitle(UUID betId, String oldTitle, Bet bet) {
        OwnEngineCalls.run(() -> {
            String oldSuffix = SEPARATOR + bet.getKey() + " " + oldTitle;
            for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(betId.toString()).list()) {
                String name = task.getName();
                int at = name == null ? -1 : name.lastIndexOf(SEPARATOR + bet.getKey() + " ");
                if (at >= 0 && (name.endsWith(oldSuffix) || name.endsWith("…"))) {
                    task.setName(of(name.substring(0, at), bet));
                    taskService.saveTask(task);
                }
            }
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(betId.toString()).list()
                    .forEach(process -> runtimeService.setVariable(process.getId(), BetLifecycle.VAR_BET_TITLE, bet.getTitle()));
            return null;
        });
    }
}
