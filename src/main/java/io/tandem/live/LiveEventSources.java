package io.tandem.live;

import io.tandem.bet.BetService;
import io.tandem.brief.ConstraintAcknowledged;
import io.tandem.brief.ConstraintAdded;
import io.tandem.comment.CommentAdded;
import io.tandem.decision.DecisionRecorded;
import io.tandem.decision.SignOffRecorded;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.lifecycle.StageEntered;
import io.tandem.lifecycle.TaskEscalated;
import io.tandem.lifecycle.TaskEscalation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' domain events into live updates. The listeners run inside the publishing transaction,
 * so the notification they queue goes out only if that transaction commits (see {@link LiveEvents}).
 */
@Component
class LiveEventSources {

    private final LiveEvents live;
    private final BetService bets;

    LiveEventSources(LiveEvents live, BetService bets) {
        this.live = live;
        this.bets = bets;
    }

    @EventListener
    void stageEntered(StageEntered event) {
        live.betChanged(event.betId(), BetChange.Kind.STAGE_CHANGED, "Entered " + event.stage());
    }

    @EventListener
    void signedOff(SignOffRecorded event) {
        live.betChanged(event.betId(), BetChange.Kind.SIGNED_OFF,
                event.signerName() + " answered " + event.answer() + " for " + event.role() + " at " + event.gate());
    }

    @EventListener
    void decided(DecisionRecorded event) {
        live.betChanged(event.betId(), BetChange.Kind.DECIDED, event.kind() + " (entry " + event.sequence() + ")");
    }

    @EventListener
    void commented(CommentAdded event) {
        live.betChanged(event.betId(), BetChange.Kind.COMMENTED, "Comment by " + event.authorId());
    }

    @EventListener
    void constraintAdded(ConstraintAdded event) {
        live.betChanged(event.betId(), BetChange.Kind.CONSTRAINT_ADDED,
                event.severity() + " constraint '" + event.title() + "' added by " + event.authorName());
    }

    @EventListener
    void constraintAcknowledged(ConstraintAcknowledged event) {
        live.betChanged(event.betId(), BetChange.Kind.CONSTRAINT_ACKNOWLEDGED,
                event.acknowledgedBy().displayName() + " acknowledged constraint '" + event.title() + "'");
    }

    @EventListener
    void escalated(TaskEscalated event) {
        TaskEscalation escalation = event.escalation();
        String lead = bets.find(escalation.getBetId()).map(bet -> BetLifecycle.leadOf(bet, escalation.getStep())).orElse(null);
        live.taskChanged(new TaskChange(TaskChange.Kind.ESCALATED, escalation.getTaskId(), escalation.getBetId(),
                escalation.getStep(), escalation.getGate(), escalation.getRole(), lead, escalation.getAssignee(),
                escalation.getEscalatedAt()));
    }
}
