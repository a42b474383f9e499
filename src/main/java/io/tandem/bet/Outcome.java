package io.tandem.bet;

/** How a closed bet ended. Killing a bad bet early is a good result, not a failure. */
public enum Outcome {
    WON, LOST, INCONCLUSIVE, KILLED,
    /** Opened by mistake and voided during framing: left out of scorecards and of default listings. */
    VOIDED
}
