package io.tandem.lifecycle;

/** Published inside the stall timer's transaction, once per sign-off it escalated. */
public record TaskEscalated(TaskEscalation escalation) {
}
