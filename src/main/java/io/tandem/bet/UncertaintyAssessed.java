package io.tandem.bet;

import java.util.UUID;

/** Engineering assessed a bet's uncertainty; published inside the transaction that records it. */
public record UncertaintyAssessed(UUID betId, Uncertainty uncertainty) {
}
