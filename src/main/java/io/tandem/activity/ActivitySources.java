package io.tandem.activity;

import io.tandem.bet.BetCreated;
import io.tandem.bet.BetService;
import io.tandem.bet.UncertaintyAssessed;
import io.tandem.brief.BriefRevised;
import io.tandem.brief.ConstraintAcknowledged;
import io.tandem.brief.ConstraintAdded;
import io.tandem.comment.CommentAdded;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionRecorded;
import io.tandem.decision.OptionsProposed;
import io.tandem.decision.SignOffRecorded;
import io.tandem.ask.AskMade;
import io.tandem.ask.AskOptionsStated;
import io.tandem.delivery.ChangeRequested;
import io.tandem.delivery.StatusUpdatePosted;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.lifecycle.StageEntered;
import io.tandem.lifecycle.TaskEscalated;
import io.tandem.lifecycle.TaskEscalation;
import io.tandem.outcome.MetricReadingRecorded;
import io.tandem.outcome.OutcomeRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' domain events into the feed's changes. The listeners run inside the publishing transaction,
 * so a change is in the feed, and announced live, exactly when the transaction that made it commits.
 */
@Component
class ActivitySources {

    private final ActivityLog log;
    private final BetService bets;

    ActivitySources(ActivityLog log, BetService bets) {
        this.log = log;
        this.bets = bets;
    }

    @EventListener
    void created(BetCreated event) {
        log.record(event.betId(), ActivityKind.BET_CREATED, "Bet", event.betId(), "Bet opened");
    }

    @EventListener
    void stageEntered(StageEntered event) {
        log.record(event.betId(), ActivityKind.STAGE_CHANGED, null, null, "Entered " + event.stage());
    }

    @EventListener
    void signedOff(SignOffRecorded event) {
        log.record(event.betId(), ActivityKind.SIGNED_OFF, null, null,
                event.signerName() + " answered " + event.answer() + " for " + event.role() + " at " + event.gate());
    }

    @EventListener
    void decided(DecisionRecorded event) {
        log.record(event.betId(), kindOf(event.kind()), "Decision", event.decisionId(),
                event.kind() + " (entry " + event.sequence() + ")");
    }

    @EventListener
    void commented(CommentAdded event) {
        log.record(event.betId(), ActivityKind.COMMENTED, "Comment", event.commentId(), "Comment by " + event.authorId());
    }

    @EventListener
    void briefRevised(BriefRevised event) {
        log.record(event.betId(), ActivityKind.BRIEF_REVISED, null, null, "Brief revision " + event.revision());
    }

    @EventListener
    void constraintAdded(ConstraintAdded event) {
        log.record(event.betId(), ActivityKind.CONSTRAINT_ADDED, "TechnicalConstraint", event.constraintId(),
                event.severity() + " constraint '" + event.title() + "' added by " + event.authorName());
    }

    @EventListener
    void constraintAcknowledged(ConstraintAcknowledged event) {
        log.record(event.betId(), ActivityKind.CONSTRAINT_ACKNOWLEDGED, "TechnicalConstraint", event.constraintId(),
                event.acknowledgedBy().displayName() + " acknowledged constraint '" + event.title() + "'");
    }

    @EventListener
    void uncertaintyAssessed(UncertaintyAssessed event) {
        log.record(event.betId(), ActivityKind.UNCERTAINTY_ASSESSED, null, null, "Uncertainty assessed " + event.uncertainty());
    }

    @EventListener
    void optionsProposed(OptionsProposed event) {
        log.record(event.betId(), ActivityKind.OPTIONS_PROPOSED, null, null,
                event.optionIds().size() + " options proposed (proposal " + event.proposal() + ")");
    }

    @EventListener
    void statusUpdated(StatusUpdatePosted event) {
        log.record(event.betId(), ActivityKind.STATUS_UPDATED, null, null, "Status " + event.status());
    }

    @EventListener
    void changeRequested(ChangeRequested event) {
        log.record(event.betId(), ActivityKind.CHANGE_REQUESTED, "ChangeRequest", event.changeRequestId(),
                event.kind() + " change requested");
    }

    @EventListener
    void askMade(AskMade event) {
        log.record(event.betId(), ActivityKind.ASK_MADE, "Ask", event.askId(), event.kind() + " asked by " + event.askedBy());
    }

    @EventListener
    void askOptionsStated(AskOptionsStated event) {
        log.record(event.betId(), ActivityKind.ASK_OPTIONS_STATED, "Ask", event.askId(),
                event.options() + (event.options() == 1 ? " option" : " options") + " stated for an ask");
    }

    /** Names who is waited on: the holder, else the side's lead, else the role. */
    @EventListener
    void escalated(TaskEscalated event) {
        TaskEscalation escalation = event.escalation();
        String lead = bets.find(escalation.getBetId()).map(bet -> BetLifecycle.leadOf(bet, escalation.getStep())).orElse(null);
        String waitingOn = escalation.getAssignee() != null ? escalation.getAssignee() : lead != null ? lead
                : escalation.getRole() == null ? "its role" : "anyone of the " + escalation.getRole().group() + " role";
        log.record(escalation.getBetId(), ActivityKind.ESCALATED, null, null, escalation.getStep() + " at "
                + escalation.getGate() + " stalled, waiting on " + waitingOn);
    }

    @EventListener
    void outcomeRecorded(OutcomeRecorded event) {
        log.record(event.betId(), ActivityKind.OUTCOME_RECORDED, null, null, "Outcome recorded, recommending "
                + event.recommendation());
    }

    @EventListener
    void metricRecorded(MetricReadingRecorded event) {
        log.record(event.betId(), ActivityKind.METRIC_RECORDED, null, null, event.metric() + " = " + event.value()
                + " from " + event.source());
    }

    /** Stewardship's entries have kinds of their own; every other entry is a decision. */
    private static ActivityKind kindOf(DecisionKind kind) {
        return switch (kind) {
            case BET_EDITED -> ActivityKind.BET_EDITED;
            case LEAD_CHANGED -> ActivityKind.LEAD_CHANGED;
            case STAND_IN_NAMED, STAND_IN_REVOKED -> ActivityKind.STAND_IN_CHANGED;
            default -> ActivityKind.DECIDED;
        };
    }
}
