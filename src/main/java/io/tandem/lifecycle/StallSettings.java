package io.tandem.lifecycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a sign-off task may wait before it counts as stalled: its due time, and when its BPMN stall timer
 * raises its priority and records an escalation. Read when the task opens, so a change applies to new tasks.
 *
 * @param stalledAfter the threshold (TANDEM_STALLED_AFTER, ISO-8601 or 3d / 72h style)
 */
@ConfigurationProperties("tandem.inbox")
public record StallSettings(@DefaultValue("P3D") Duration stalledAfter) {

    /** Task priority once the stall timer fired (a task opens at the engine's default, 50). */
    public static final int STALLED_PRIORITY = 80;

    public StallSettings {
        if (stalledAfter.isNegative() || stalledAfter.isZero()) {
            throw new IllegalArgumentException("tandem.inbox.stalled-after must be positive, not " + stalledAfter);
        }
    }
}
