package io.tandem.lifecycle;

import io.tandem.ask.ReceiptSettlement;
import io.tandem.decision.Answer;
import io.tandem.decision.Gate;
import io.tandem.outcome.NonGoalAttestation;
import io.tandem.security.Role;
import java.util.List;
import java.util.UUID;

/**
 * One person's sign-off. {@code signAs} is needed only by someone holding both product and engineering;
 * {@code choice} is the option id, spike verdict or outcome verdict the gate asks for; {@code forecast}, at the
 * commitment gate only, the probability the signer seals that the bet wins; {@code nonGoals}, with an approval of the
 * outcome review, whether each non-goal of the brief held, and {@code receipts}, whether each receipt's cost was paid as
 * stated. {@code signAs} LEADERSHIP is the asking leader's co-signature at an ask's OPTIONS gate.
 */
public record SignGateCommand(UUID betId, Gate gate, Answer answer, Role signAs, String choice, String reason,
                              Double forecast, List<NonGoalAttestation> nonGoals, List<ReceiptSettlement> receipts) {

    public SignGateCommand(UUID betId, Gate gate, Answer answer, Role signAs, String choice, String reason) {
        this(betId, gate, answer, signAs, choice, reason, null, null, null);
    }
}
