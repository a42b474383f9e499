package io.tandem.bet;

/** Where a bet is in its lifecycle; the BPMN process moves it (see BetLifecycle). */
public enum Stage {
    FRAMING, SPIKE, COMMITMENT, DELIVERY, MEASURING, OUTCOME_REVIEW, CLOSED
}
