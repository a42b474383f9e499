package io.tandem.live;

import io.tandem.activity.ActivityEvent;
import io.tandem.activity.ActivityFilter;
import io.tandem.activity.ActivityFilterInput;
import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.decision.Gate;
import io.tandem.graphql.GlobalId;
import io.tandem.security.CurrentUser;
import io.tandem.security.CurrentUsers;
import io.tandem.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The subscriptions (graphql-schema/live.graphqls), served over WebSocket at /graphql-ws. Each subscriber gets the
 * events committed from the moment it subscribed, filtered for who it is; the event's bet is read when the client
 * selects it, as that subscriber.
 */
@Controller
class LiveController {

    private static final Logger log = LoggerFactory.getLogger(LiveController.class);
    /** Events a subscription holds for a client that reads slowly; past that the oldest are dropped. */
    static final int BUFFER = 256;

    record InboxEvent(TaskChange.Kind kind, String taskId, String step, Gate gate, Role role, String assignee, UUID betId,
                      Instant at) {

        static InboxEvent of(TaskChange change) {
            return new InboxEvent(change.kind(), change.taskId(), change.step(), change.gate(), change.role(),
                    change.assignee(), change.betId(), change.at());
        }
    }

    private final LiveEventStream stream;
    private final BetService bets;
    private final CurrentUsers users;

    LiveController(LiveEventStream stream, BetService bets, CurrentUsers users) {
        this.stream = stream;
        this.bets = bets;
        this.users = users;
    }

    @SubscriptionMapping
    Flux<InboxEvent> inboxChanged() {
        CurrentUser user = reader("inboxChanged");
        return buffered(stream.tasks().filter(change -> concerns(change, user)).map(InboxEvent::of));
    }

    @SubscriptionMapping
    Flux<ActivityEvent> betChanged(@Argument String betId) {
        reader("betChanged");
        UUID id = GlobalId.find("Bet", betId).orElseThrow(() ->
                new LiveRefusal(ErrorType.BAD_REQUEST, "betId '" + shorten(betId) + "' is not a bet id"));
        if (bets.find(id).isEmpty()) {
            throw new LiveRefusal(ErrorType.NOT_FOUND, "There is no bet " + betId);
        }
        return buffered(stream.activities().filter(change -> change.betId().equals(id)).map(ActivityEvent::of));
    }

    @SubscriptionMapping
    Flux<ActivityEvent> activityChanged(@Argument ActivityFilterInput filterBy) {
        reader("activityChanged");
        ActivityFilter filter = ActivityFilterInput.filter(filterBy, betId ->
                new LiveRefusal(ErrorType.BAD_REQUEST, "filterBy.betId '" + shorten(betId) + "' is not a bet id"));
        return buffered(stream.activities().filter(filter::matches).map(ActivityEvent::of));
    }

    @SchemaMapping(typeName = "InboxEvent", field = "bet")
    Bet inboxEventBet(InboxEvent event) {
        return bets.read(event.betId()).orElseThrow();
    }

    /**
     * Whether a task change belongs in this person's inbox: a task of a role they sign for, on a bet that names no
     * lead for that role, names them, or has them stand in for its lead; or a task they hold or held; for a leader, the
     * co-signatures of their own asks. Roles that never sign (integration, admin) have no inbox.
     */
    static boolean concerns(TaskChange change, CurrentUser user) {
        if (!user.has(Role.PRODUCT) && !user.has(Role.ENGINEERING) && !user.has(Role.LEADERSHIP)) {
            return false;
        }
        if (user.id().equals(change.assignee()) || user.id().equals(change.previousAssignee())) {
            return true;
        }
        if (change.role() == Role.LEADERSHIP) {
            return user.has(Role.LEADERSHIP) && user.id().equals(change.lead());
        }
        boolean signingRole = change.role() == Role.PRODUCT || change.role() == Role.ENGINEERING;
        return signingRole && user.has(change.role()) && (change.lead() == null || change.lead().equals(user.id())
                || change.standIns().contains(user.id()));
    }

    /** Every Tandem role reads every bet (Roles.READ); signed in without one, a subscription is refused. */
    private CurrentUser reader(String field) {
        CurrentUser user = users.current();
        if (user.roles().isEmpty()) {
            throw new LiveRefusal(ErrorType.FORBIDDEN, "Your roles do not allow " + field);
        }
        return user;
    }

    /** Off the listener thread, with a bounded buffer of its own: a slow client loses its oldest events, nobody else's. */
    private static <T> Flux<T> buffered(Flux<T> events) {
        return events.onBackpressureBuffer(BUFFER, dropped -> log.debug("Live events: a slow subscriber lost {}", dropped),
                        BufferOverflowStrategy.DROP_OLDEST)
                .publishOn(Schedulers.boundedElastic());
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
