package io.tandem.inbox;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.decision.Gate;
import io.tandem.graphql.Connections;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Inboxes over GraphQL: myTasks, what each bet waits on, and claiming, letting go and handing over tasks. */
@Controller
class InboxController {

    record TaskFilterInput(Gate gate, String betId, Boolean overdue, Boolean claimed) {
    }

    record TaskOrderInput(TaskOrder field, String direction) {
    }

    record TaskRef(String taskId) {
    }

    record HandOverTaskInput(String taskId, String to) {
    }

    record TaskPayload(InboxTask task, List<UserErrorView> userErrors) {

        static TaskPayload of(InboxTask task) {
            return new TaskPayload(task, List.of());
        }

        static TaskPayload refused(List<UserErrorView> errors) {
            return new TaskPayload(null, errors);
        }
    }

    private static final String TYPE = "Task";

    private final InboxService inbox;
    private final BetService bets;
    private final CurrentUsers users;
    private final Clock clock;

    InboxController(InboxService inbox, BetService bets, CurrentUsers users, Clock clock) {
        this.inbox = inbox;
        this.bets = bets;
        this.users = users;
        this.clock = clock;
    }

    @QueryMapping
    Connections.Connection<InboxTask> myTasks(@Argument Integer first, @Argument String after, @Argument TaskFilterInput filterBy,
                                              @Argument TaskOrderInput orderBy) {
        int size = Connections.pageSize(first);
        TaskFilterInput filter = filterBy == null ? new TaskFilterInput(null, null, null, null) : filterBy;
        UUID betId = filter.betId() == null ? null : GlobalId.find("Bet", filter.betId())
                .orElseThrow(() -> new Connections.InvalidArgument("filterBy.betId is not a bet id"));
        TaskOrder order = orderBy == null || orderBy.field() == null ? TaskOrder.CREATED : orderBy.field();
        boolean ascending = orderBy == null || orderBy.direction() == null
                ? order != TaskOrder.PRIORITY : "ASC".equals(orderBy.direction());
        return inbox.myTasks(users.current(), new InboxService.Filter(filter.gate(), betId, filter.overdue(), filter.claimed()),
                order, ascending, Connections.after(after), size);
    }

    @MutationMapping
    TaskPayload claimTask(@Argument TaskRef input) {
        return Mutations.run(() -> TaskPayload.of(inbox.claim(input.taskId(), users.current())), TaskPayload::refused);
    }

    @MutationMapping
    TaskPayload unclaimTask(@Argument TaskRef input) {
        return Mutations.run(() -> TaskPayload.of(inbox.unclaim(input.taskId(), users.current())), TaskPayload::refused);
    }

    @MutationMapping
    TaskPayload handOverTask(@Argument HandOverTaskInput input) {
        return Mutations.run(() -> TaskPayload.of(inbox.handOver(input.taskId(), input.to(), users.current())),
                TaskPayload::refused);
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<InboxTask>> waitingOn(List<Bet> page) {
        Map<UUID, List<InboxTask>> tasks = inbox.openTasks(page.stream().map(Bet::getId).toList());
        return page.stream().collect(Collectors.toMap(Function.identity(), b -> tasks.getOrDefault(b.getId(), List.of())));
    }

    @BatchMapping(typeName = TYPE)
    Map<InboxTask, Bet> bet(List<InboxTask> tasks) {
        Map<UUID, Bet> found = bets.findAll(tasks.stream().map(InboxTask::betId).distinct().toList());
        return tasks.stream().distinct().collect(Collectors.toMap(Function.identity(), t -> found.get(t.betId())));
    }

    @SchemaMapping(typeName = TYPE)
    Instant since(InboxTask task) {
        return task.createdAt();
    }

    @SchemaMapping(typeName = TYPE)
    long waitingSeconds(InboxTask task) {
        return Math.max(0, Duration.between(task.createdAt(), clock.instant()).toSeconds());
    }

    @SchemaMapping(typeName = TYPE)
    boolean overdue(InboxTask task) {
        return task.overdue(clock.instant());
    }
}
