package io.tandem.outcome;

/** One side's word on one non-goal of the brief at the outcome review: whether it held, and a note (required when not). */
public record NonGoalAttestation(String nonGoal, Boolean held, String note) {
}
