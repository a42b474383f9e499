package io.tandem.operations;

import io.tandem.bet.Stage;
import io.tandem.lifecycle.BetLifecycle;
import java.time.Instant;
import java.util.UUID;

/**
 * A bet that is not CLOSED whose workflow cannot move it on, as the detection found it. {@code processInstanceId} is
 * null when the workflow is GONE; {@code incidents} names the open incidents' types and activities, if any.
 */
public record BrokenWorkflow(UUID betId, Instant betCreatedAt, Stage stage, WorkflowProblem problem,
                             String processInstanceId, String incidents) {

    /** What was found, in words an operator can act on; never anything about the bet's people or content. */
    public String detail() {
        return switch (problem) {
            case GONE -> "No running " + BetLifecycle.PROCESS_KEY + " process has this bet's id as its business key:"
                    + " nothing moves the bet on from " + stage;
            case SUSPENDED -> "Process instance " + processInstanceId + " is suspended: its tasks cannot be completed"
                    + " and its timers do not fire";
            case INCIDENT -> "Process instance " + processInstanceId + " has an open incident (" + incidents
                    + "): a job failed and used up its retries";
            case STUCK -> "Process instance " + processInstanceId + " has no open task and no timer:"
                    + " nothing moves the bet on from " + stage;
        };
    }
}
