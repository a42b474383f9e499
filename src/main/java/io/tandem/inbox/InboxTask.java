package io.tandem.inbox;

import io.tandem.bet.Bet;
import io.tandem.decision.Gate;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.lifecycle.StallSettings;
import io.tandem.security.Role;
import java.time.Instant;
import java.util.UUID;

/** A workflow task as an inbox shows it: what to do, on which bet, for which role, since when, held by whom. */
public record InboxTask(String taskId, String step, String name, String needs, UUID betId, Instant createdAt, Instant dueAt,
                        String assignee, int priority, String productLead, String engineeringLead) {

    /** The bet's named lead for this side of a sign-off, who alone may take or sign it; null if none is named. */
    public String lead() {
        if (BetLifecycle.signStep(step).isEmpty()) {
            return null;
        }
        return Bet.leadFor(role(), productLead, engineeringLead);
    }

    public Gate gate() {
        return BetLifecycle.signStep(step).map(BetLifecycle.SignStep::gate).orElse(null);
    }

    public Role role() {
        return BetLifecycle.roleOf(step).orElse(null);
    }

    /** Its stall timer fired: it waited past the threshold and its priority was raised. */
    public boolean stalled() {
        return priority >= StallSettings.STALLED_PRIORITY;
    }

    public boolean overdue(Instant now) {
        return dueAt != null && dueAt.isBefore(now);
    }
}
