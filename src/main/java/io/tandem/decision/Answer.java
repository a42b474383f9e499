package io.tandem.decision;

/** What a signer says at a gate. REQUEST_CHANGES sends the bet back to the gate's work with a reason. */
public enum Answer {
    APPROVE, REQUEST_CHANGES
}
