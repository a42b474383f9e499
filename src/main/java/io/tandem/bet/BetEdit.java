package io.tandem.bet;

/**
 * What an edit of a bet changes: a null field stays as it is; an empty team or spike question clears it. The rest of a
 * bet changes only through its workflow (stage, outcome, window, scope) or has a rule of its own (uncertainty, leads).
 */
public record BetEdit(String title, String team, String spikeQuestion, String spikeTimebox, String measurementPeriod) {
}
