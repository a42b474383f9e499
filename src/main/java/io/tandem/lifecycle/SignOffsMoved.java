package io.tandem.lifecycle;

import io.tandem.decision.Gate;
import io.tandem.security.Role;
import java.util.List;
import java.util.UUID;

/**
 * Open sign-offs of one side of a bet were offered to {@code to} (a new lead, a stand-in whose period began) or taken
 * from {@code from} (an outgoing lead, a stand-in whose period ended); either may be null. Published inside the
 * transaction that moved them.
 */
public record SignOffsMoved(UUID betId, Role side, List<MovedTask> tasks, String to, String from) {

    /** One sign-off that moved. */
    public record MovedTask(String taskId, String step, Gate gate) {
    }

    public SignOffsMoved {
        tasks = List.copyOf(tasks);
    }
}
