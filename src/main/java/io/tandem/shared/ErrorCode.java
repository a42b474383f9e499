package io.tandem.shared;

/** Codes a client can switch on; each is listed with its meaning in the GraphQL schema (UserErrorCode). */
public enum ErrorCode {
    NOT_FOUND,
    INVALID_INPUT,
    WRONG_STAGE,
    WRONG_ROLE,
    SAME_PERSON,
    NOT_THE_LEAD,
    CONSTRAINTS_UNACKNOWLEDGED,
    BRIEF_INCOMPLETE,
    BRIEF_FROZEN,
    FINDINGS_MISSING,
    OUTCOME_MISSING,
    CHOICE_REQUIRED,
    CHOICE_MISMATCH,
    UNKNOWN_OPTION,
    TOO_FEW_OPTIONS,
    KILL_PENDING,
    CHANGE_PENDING,
    HARM_THEORY_REQUIRED,
    CONFLICT,
    UNAUTHENTICATED,
    WORKFLOW_HEALTHY,
    WORKFLOW_NOT_RESTARTABLE
}
