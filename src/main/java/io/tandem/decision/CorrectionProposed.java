package io.tandem.decision;

import io.tandem.security.CurrentUser;
import io.tandem.security.Role;
import java.util.UUID;

/**
 * A correction of an entry both sides signed was proposed, inside the proposing transaction: the lifecycle opens the
 * bet's CORRECTION gate and signs the proposer's side with it (lifecycle/CorrectionGate). A refusal there rolls the
 * proposal back with it.
 */
public record CorrectionProposed(UUID betId, UUID proposalId, Role side, String rationale, CurrentUser proposer) {
}
