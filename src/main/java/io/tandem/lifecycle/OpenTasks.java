package io.tandem.lifecycle;

import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.NativeTaskQuery;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A bet's open workflow tasks with the given task keys, found with a native query. the engine's TaskQuery
 * evaluates its whole dynamic SQL mapping on every call: 14 % of the data generator's CPU samples were
 * there (BENCHMARKS.md, "Tuning").
 */
@Component
class OpenTasks {

    private final TaskService taskService;
    private final String taskTable;
    private final String executionTable;

    OpenTasks(TaskService taskService, ManagementService management) {
        this.taskService = taskService;
        this.taskTable = management.getTableName(Task.class);
        this.executionTable = management.getTableName(ProcessInstance.class);
    }

    /** Oldest first; empty if the bet waits on none of them. */
    List<Task> of(UUID betId, Collection<String> taskKeys) {
        if (taskKeys.isEmpty()) {
            return List.of();
        }
        NativeTaskQuery query = taskService.createNativeTaskQuery().parameter("betKey", betId.toString());
        StringJoiner keyParameters = new StringJoiner(", ", "(", ")");
        int i = 0;
        for (String key : taskKeys) {
            keyParameters.add("#{key" + i + "}");
            query.parameter("key" + i++, key);
        }
        query.sql("select T.* from " + taskTable + " T join " + executionTable + " E on E.ID_ = T.PROC_INST_ID_"
                + " where E.BUSINESS_KEY_ = #{betKey} and T.TASK_DEF_KEY_ in " + keyParameters
                + " order by T.CREATE_TIME_, T.ID_");
        return query.list();
    }

    boolean any(UUID betId, Collection<String> taskKeys) {
        return !of(betId, taskKeys).isEmpty();
    }
}
