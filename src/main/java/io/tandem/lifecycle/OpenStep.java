package io.tandem.lifecycle;

import io.tandem.decision.Gate;
import io.tandem.security.Role;
import java.time.Instant;
import java.util.UUID;

/** A workflow task the bet is waiting on: which step, for which role, since when, held by whom. */
public record OpenStep(UUID betId, String taskId, String step, String name, Gate gate, Role role, Instant since,
                       String assignee) {
}
