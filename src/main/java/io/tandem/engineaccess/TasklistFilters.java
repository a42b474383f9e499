package io.tandem.engineaccess;

import io.tandem.lifecycle.BetLifecycle;
import io.tandem.shared.OwnEngineCalls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.filter.Filter;
import org.operaton.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters, created once at start-up: the first (Tasklist's default) shows what the caller may act on, the
 * same tasks as myTasks (the ones they hold, and the unheld ones offered to them or their roles); then the ones they
 * hold, their roles' unheld ones, and the overdue ones. Each list shows the bet's key, title and stage. There is no
 * "All tasks" filter.
 * Everyone in Tasklist may read them (RoleGrants); nobody but Tandem creates or changes filters.
 */
@Component
class TasklistFilters {

    private record Definition(String name, int priority, String description, TaskQuery query) {
    }

    private static final String ME = "${currentUser()}";
    private static final String STARTERS_FILTER = "All tasks";

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        OwnEngineCalls.run(() -> {
            // the engine starter's catch-all filter, which databases from before these filters still hold: it came
            // first in Tasklist and listed tasks the person may read but not act on
            filters.createFilterQuery().filterName(STARTERS_FILTER).list().forEach(f -> filters.deleteFilter(f.getId()));
            for (Definition definition : definitions()) {
                if (filters.createFilterQuery().filterName(definition.name()).count() == 0) {
                    Filter filter = filters.newTaskFilter(definition.name()).setOwner(null).setQuery(definition.query())
                            .setProperties(properties(definition));
                    filters.saveFilter(filter);
                }
            }
            return null;
        });
    }

    private List<Definition> definitions() {
        return List.of(
                new Definition("What I may act on", -10, "The tasks you hold, and the ones waiting on you or your role: "
                        + "the same as myTasks", actionable().orderByDueDate().asc()),
                new Definition("My tasks", 0, "The tasks you hold", tasks.createTaskQuery().taskAssigneeExpression(ME)
                        .orderByDueDate().asc()),
                new Definition("My role's tasks", 10, "Unheld tasks waiting on one of your roles",
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .orderByTaskCreateTime().asc()),
                new Definition("Overdue", 20, "Tasks you may act on that are past their due time",
                        actionable().dueBeforeExpression("${now()}").orderByDueDate().asc()));
    }

    private TaskQuery actionable() {
        return tasks.createTaskQuery().or().taskAssigneeExpression(ME).taskCandidateUserExpression(ME).endOr();
    }

    private static Map<String, Object> properties(Definition definition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", definition.priority());
        properties.put("description", definition.description());
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", BetLifecycle.VAR_BET_KEY, "label", "Bet"),
                Map.of("name", BetLifecycle.VAR_BET_TITLE, "label", "Title"),
                Map.of("name", BetLifecycle.VAR_STAGE, "label", "Stage")));
        return properties;
    }
}
