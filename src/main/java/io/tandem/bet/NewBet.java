package io.tandem.bet;

/** What a person states when opening a bet; nulls take the documented defaults. */
public record NewBet(String title, Uncertainty uncertainty, String productLead, String engineeringLead,
                     String spikeQuestion, String spikeTimebox, String measurementPeriod, String team) {
}
