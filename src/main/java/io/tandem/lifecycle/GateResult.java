package io.tandem.lifecycle;

/** What one sign-off did to its gate round. */
enum GateResult {
    /** The other side has not signed yet. */
    WAITING,
    /** Both sides approved: the gate passed. */
    PASSED,
    /** A signer requested changes: the bet goes back to the gate's work. */
    CHANGES_REQUESTED
}
