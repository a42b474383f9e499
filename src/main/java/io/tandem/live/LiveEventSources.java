package io.tandem.live;

import io.tandem.activity.ActivityRecorded;
import io.tandem.bet.BetService;
import io.tandem.bet.StandIns;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.lifecycle.SignOffsMoved;
import io.tandem.lifecycle.TaskEscalated;
import io.tandem.lifecycle.TaskEscalation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the feed's changes (activity module) and the workflow's task events into live updates. The listeners run inside the publishing transaction,
 * so the notification they queue goes out only if that transaction commits (see {@link LiveEvents}).
 */
@Component
class LiveEventSources {

    private final LiveEvents live;
    private final BetService bets;
    private final StandIns standIns;
    private final Clock clock;

    LiveEventSources(LiveEvents live, BetService bets, StandIns standIns, Clock clock) {
        this.live = live;
        this.bets = bets;
        this.standIns = standIns;
        this.clock = clock;
    }







    @EventListener
    void recorded(ActivityRecorded event) {
        live.betChanged(event.activity());
    }

    @EventListener
    void escalated(TaskEscalated event) {
        TaskEscalation escalation = event.escalation();
        String lead = bets.find(escalation.getBetId()).map(bet -> BetLifecycle.leadOf(bet, escalation.getStep())).orElse(null);
        live.taskChanged(new TaskChange(TaskChange.Kind.ESCALATED, escalation.getTaskId(), escalation.getBetId(),
                escalation.getStep(), escalation.getGate(), escalation.getRole(), lead,
                lead == null ? List.of() : standIns.activeFor(escalation.getBetId(), escalation.getRole()),
                escalation.getAssignee(), escalation.getEscalatedAt()));
    }

    @EventListener
    void signOffsMoved(SignOffsMoved event) {
        Instant now = clock.instant();
        for (SignOffsMoved.MovedTask task : event.tasks()) {
            if (event.from() != null) {
                live.taskChanged(new TaskChange(TaskChange.Kind.WITHDRAWN, task.taskId(), event.betId(), task.step(),
                        task.gate(), event.side(), event.from(), List.of(), null, event.from(), now));
            }
            if (event.to() != null) {
                live.taskChanged(new TaskChange(TaskChange.Kind.OFFERED, task.taskId(), event.betId(), task.step(),
                        task.gate(), event.side(), event.to(), List.of(), null, now));
            }
        }
    }
}
