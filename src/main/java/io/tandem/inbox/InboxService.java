package io.tandem.inbox;

import io.tandem.decision.Gate;
import io.tandem.graphql.Connections;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.lifecycle.EngineUsers;
import io.tandem.security.CurrentUser;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.TaskAlreadyClaimedException;
import org.operaton.bpm.engine.TaskService;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's inboxes: the workflow tasks they can act on, and taking, handing over and letting go of them. The rules
 * for who may hold a task live in the engine's task listeners (lifecycle TaskRules), so Tasklist obeys them too.
 */
@Service
public class InboxService {

    /** What a caller's inbox shows. Null filters do not filter. */
    public record Filter(Gate gate, UUID betId, Boolean overdue, Boolean claimed) {
    }

    private static final int TASK_ID_MAX = 64;

    private final InboxQuery query;
    private final TaskService taskService;
    private final EngineUsers engineUsers;
    private final Clock clock;

    InboxService(InboxQuery query, TaskService taskService, EngineUsers engineUsers, Clock clock) {
        this.query = query;
        this.taskService = taskService;
        this.engineUsers = engineUsers;
        this.clock = clock;
    }

    /** The tasks the caller holds, and the unheld ones their roles (or their being the named lead) let them take. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Connections.Connection<InboxTask> myTasks(CurrentUser user, Filter filter, TaskOrder order, boolean ascending,
                                                     ScrollPosition position, int size) {
        Object afterValue = null;
        String afterId = null;
        if (position instanceof KeysetScrollPosition keyset && !keyset.isInitial()) {
            afterValue = order.cursorValue(keyset.getKeys());
            afterId = (String) keyset.getKeys().get("id");
        }
        List<String> steps = filter.gate() == null ? null : BetLifecycle.signTasksOf(filter.gate());
        InboxQuery.Page page = new InboxQuery.Page(user.id(), user.groups(), steps, filter.betId(), filter.claimed(),
                filter.overdue(), clock.instant(), order, ascending, afterValue, afterId, size);
        List<InboxTask> found = query.page(page);
        List<InboxTask> tasks = found.subList(0, Math.min(size, found.size()));
        Window<InboxTask> window = Window.from(tasks, i -> ScrollPosition.forward(order.cursorKeys(tasks.get(i))), found.size() > size);
        return Connections.of(window, position, () -> query.count(page));
    }

    /** The open tasks of each bet, for a page of bets in one statement. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Map<UUID, List<InboxTask>> openTasks(Collection<UUID> betIds) {
        if (betIds.isEmpty()) {
            return Map.of();
        }
        return query.openTasks(betIds).stream().collect(Collectors.groupingBy(InboxTask::betId));
    }

    /** Takes an unheld task; taking one the caller already holds changes nothing. */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public InboxTask claim(String taskId, CurrentUser user) {
        InboxTask task = find(taskId);
        try {
            engineUsers.actAs(user, () -> {
                taskService.claim(task.taskId(), user.id());
                return null;
            });
        } catch (TaskAlreadyClaimedException e) {
            throw new RuleViolation(ErrorCode.CONFLICT, "taskId", "'" + task.name() + "' is already held by "
                    + currentHolder(task) + "; ask them to hand it over");
        }
        return find(taskId);
    }

    /** Lets go of a task so anyone it waits on can take it. Only its holder (or an admin) may. */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering','admin')")
    public InboxTask unclaim(String taskId, CurrentUser user) {
        InboxTask task = find(taskId);
        engineUsers.actAs(user, () -> {
            taskService.setAssignee(task.taskId(), null);
            return null;
        });
        return find(taskId);
    }

    /** Gives a task to someone it waits on: its holder, anyone it waits on while it is unheld, or an admin may. */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering','admin')")
    public InboxTask handOver(String taskId, String to, CurrentUser user) {
        InboxTask task = find(taskId);
        String recipient = Texts.required("to", to, Texts.USER_ID_MAX);
        engineUsers.actAs(user, () -> {
            taskService.setAssignee(task.taskId(), recipient);
            return null;
        });
        return find(taskId);
    }

    private InboxTask find(String taskId) {
        if (taskId == null || taskId.isBlank() || taskId.length() > TASK_ID_MAX) {
            throw RuleViolation.invalid("taskId", "taskId must be a task id (1–" + TASK_ID_MAX + " characters)");
        }
        return query.task(taskId).orElseThrow(() -> RuleViolation.notFound("taskId", "open task " + taskId));
    }

    private String currentHolder(InboxTask task) {
        return query.task(task.taskId()).map(InboxTask::assignee).orElse("someone else");
    }
}
