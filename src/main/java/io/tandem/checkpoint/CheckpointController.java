package io.tandem.checkpoint;

import io.tandem.bet.BetService;
import io.tandem.decision.DecisionLog;
import io.tandem.graphql.Connections;
import io.tandem.graphql.GlobalId;
import io.tandem.security.Roles;
import java.time.Instant;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** verifyDecisionLog, with or without a kept checkpoint, and the checkpoints themselves. */
@Controller
class CheckpointController {

    record DecisionLogVerification(boolean valid, long entriesChecked, Integer firstBrokenSequence, String problem,
                                   String betId, Boolean extendsCheckpoint) {
    }

    record KeptCheckpointInput(Instant at, Integer size, String root, String signature) {
        Checkpoint checkpoint() {
            return new Checkpoint(at, size, root, signature);
        }
    }

    record CheckpointKeyView(String algorithm, String publicKey) {
    }

    private final Checkpoints checkpoints;
    private final DecisionLog log;
    private final BetService bets;

    CheckpointController(Checkpoints checkpoints, DecisionLog log, BetService bets) {
        this.checkpoints = checkpoints;
        this.log = log;
        this.bets = bets;
    }

    @QueryMapping
    DecisionLogVerification verifyDecisionLog(@Argument String betId, @Argument KeptCheckpointInput checkpoint) {
        UUID bet = betId == null ? null : GlobalId.find("Bet", betId).filter(b -> bets.read(b).isPresent())
                .orElseThrow(() -> new Connections.InvalidArgument("betId names no bet"));
        if (checkpoint == null) {
            if (bet == null) {
                throw new Connections.InvalidArgument("Give betId, or a checkpoint to check the whole log against");
            }
            DecisionLog.Verification chain = log.verify(bet);
            return new DecisionLogVerification(chain.valid(), chain.entriesChecked(),
                    chain.firstBroken() == null ? null : chain.firstBroken().getSequence(), chain.problem(),
                    chain.valid() ? null : betId, null);
        }
        Checkpoint kept = checkpoint.checkpoint();
        if (!checkpoints.isTandems(kept)) {
            throw new Connections.InvalidArgument("The checkpoint's signature does not verify with Tandem's key:"
                    + " it was not written by this Tandem, or it was changed");
        }
        Checkpoints.Extension extension = checkpoints.extension(kept, bet);
        return new DecisionLogVerification(extension.extended(), extension.leavesChecked(), extension.sequence(),
                extension.problem(), extension.betId() == null ? null : GlobalId.of("Bet", extension.betId()),
                extension.extended());
    }

    @QueryMapping
    @PreAuthorize(Roles.READ)
    Checkpoint latestCheckpoint() {
        return checkpoints.latest().orElse(null);
    }

    @QueryMapping
    @PreAuthorize(Roles.READ)
    CheckpointKeyView checkpointKey() {
        return new CheckpointKeyView(CheckpointKey.ALGORITHM, checkpoints.publicKey());
    }

    @SchemaMapping(typeName = "LogCheckpoint")
    String payload(Checkpoint checkpoint) {
        return checkpoint.payload();
    }
}
