package io.tandem.operations;

/**
 * What is wrong with the workflow of a bet that is not CLOSED. A workflow with several of these problems is reported
 * with the first one here: a suspended process is suspended whether or not it also waits on nothing.
 */
public enum WorkflowProblem {
    /** No running lifecycle process has the bet's id as its business key. */
    GONE,
    /** The process is suspended: its tasks cannot be completed and its timers do not fire. */
    SUSPENDED,
    /** A job of the process failed and used up its retries (an open incident). */
    INCIDENT,
    /** The process waits on nothing: no open task and no job. */
    STUCK;

    /**
     * Starting again replaces what is left of the workflow; a suspended one is activated instead, and a failed one waits
     * for its job to be retried (in Cockpit, recorded on the bet), since both still hold the bet's place.
     */
    boolean restartable() {
        return this == GONE || this == STUCK;
    }
}
