package io.tandem.activity;

/** What happened to a bet (BetEventKind in the schema). */
public enum ActivityKind {
    BET_CREATED,
    STAGE_CHANGED,
    SIGNED_OFF,
    DECIDED,
    BET_EDITED,
    LEAD_CHANGED,
    STAND_IN_CHANGED,
    COMMENTED,
    BRIEF_REVISED,
    CONSTRAINT_ADDED,
    CONSTRAINT_ACKNOWLEDGED,
    UNCERTAINTY_ASSESSED,
    OPTIONS_PROPOSED,
    STATUS_UPDATED,
    CHANGE_REQUESTED,
    ESCALATED,
    OUTCOME_RECORDED
}
