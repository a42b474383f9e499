package io.tandem.decision;

/** An option as the decision log keeps it: a frozen copy, so later edits elsewhere cannot change history. */
public record OptionConsidered(String id, String label, String scopeSummary, String window, String gains,
                               String givesUp, String risk) {
}
