package io.tandem.lifecycle;

import io.tandem.bet.Stage;
import java.util.UUID;

/** Published inside the transaction in which a bet's process moves it to another stage. */
public record StageEntered(UUID betId, Stage stage) {
}
