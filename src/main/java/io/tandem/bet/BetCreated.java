package io.tandem.bet;

import java.util.UUID;

/** Published inside the creating transaction; the lifecycle module starts the process on it. */
public record BetCreated(UUID betId) {
}
