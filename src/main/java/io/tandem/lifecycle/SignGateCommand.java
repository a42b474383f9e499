package io.tandem.lifecycle;

import io.tandem.decision.Answer;
import io.tandem.decision.Gate;
import io.tandem.security.Role;
import java.util.UUID;

/**
 * One person's sign-off. {@code signAs} is needed only by someone holding both product and engineering;
 * {@code choice} is the option id, spike verdict or outcome verdict the gate asks for.
 */
public record SignGateCommand(UUID betId, Gate gate, Answer answer, Role signAs, String choice, String reason) {
}
