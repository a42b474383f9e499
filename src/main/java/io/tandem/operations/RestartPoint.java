package io.tandem.operations;

import io.tandem.bet.Stage;
import io.tandem.lifecycle.BetLifecycle;

/**
 * Where a restarted workflow starts (the element that enters the bet's stage) and what that means for the bet, as
 * the decision log records it. Whatever the stage, a gate round that was open is gone: its sign-offs no longer count
 * and its people sign again.
 */
record RestartPoint(Stage stage, String activityId, String consequence) {

    static RestartPoint of(Stage stage) {
        return new RestartPoint(stage, BetLifecycle.stageEntry(stage), switch (stage) {
            case FRAMING -> "product submits the brief and engineering the constraints again, then both sign the framing gate";
            case SPIKE -> "engineering records the spike's findings; the spike's timebox starts again from now";
            case COMMITMENT -> "engineering proposes the options again, then both sign the commitment";
            case DELIVERY -> "engineering marks the bet delivered again and product confirms it; the window escalation"
                    + " is set on the committed window again";
            case MEASURING -> "the measurement period starts again from now";
            case OUTCOME_REVIEW -> "product records the outcome again, then both sign the verdict";
            case CLOSED -> throw new IllegalArgumentException("A closed bet's workflow is not restarted");
        });
    }
}
