package io.tandem.decision;

import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.NodeResolver;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import io.tandem.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Correcting the decision log by superseding an entry (at once, or through the CORRECTION gate when both sides signed
 * it), the link from an entry to its correction, and a correction waiting at the gate.
 */
@Controller
class CorrectionController {

    record RecordCorrectionInput(String betId, String supersedes, String rationale, Role signAs) {
    }

    record RecordCorrectionPayload(Decision decision, CorrectionProposal pendingCorrection, List<UserErrorView> userErrors) {

        static RecordCorrectionPayload of(CorrectionService.Correction correction) {
            return new RecordCorrectionPayload(correction.decision(), correction.proposal(), List.of());
        }
    }

    static final String PROPOSAL = "CorrectionProposal";

    private final CorrectionService corrections;
    private final DecisionLog log;
    private final CurrentUsers users;

    CorrectionController(CorrectionService corrections, DecisionLog log, CurrentUsers users) {
        this.corrections = corrections;
        this.log = log;
        this.users = users;
    }

    @MutationMapping
    RecordCorrectionPayload recordCorrection(@Argument RecordCorrectionInput input) {
        return Mutations.run(() -> RecordCorrectionPayload.of(corrections.correct(
                        GlobalId.require("Bet", input.betId(), "betId"),
                        GlobalId.require(DecisionController.DECISION, input.supersedes(), "supersedes"),
                        input.rationale(), input.signAs(), users.current())),
                errors -> new RecordCorrectionPayload(null, null, errors));
    }

    @BatchMapping(typeName = PROPOSAL)
    Map<CorrectionProposal, Decision> supersedes(List<CorrectionProposal> pending) {
        Map<UUID, Decision> entries = pending.stream().map(CorrectionProposal::getSupersedesId).distinct()
                .map(log::read).flatMap(Optional::stream).collect(Collectors.toMap(Decision::getId, Function.identity()));
        return pending.stream().distinct().collect(Collectors.toMap(Function.identity(), p -> entries.get(p.getSupersedesId())));
    }

    @SchemaMapping(typeName = PROPOSAL)
    Role side(CorrectionProposal proposal) {
        return Role.fromGroup(proposal.getSide()).orElseThrow();
    }

    @Bean
    static NodeResolver correctionProposalNodes(CorrectionService corrections) {
        return NodeResolver.of(PROPOSAL, CorrectionProposal.class, CorrectionProposal::getId, corrections::readProposal);
    }

    @BatchMapping(typeName = DecisionController.DECISION)
    Map<Decision, Decision> supersededBy(List<Decision> entries) {
        Map<UUID, Decision> corrected = corrections.supersededBy(entries.stream().map(Decision::getId).toList());
        return entries.stream().filter(d -> corrected.containsKey(d.getId()))
                .collect(Collectors.toMap(Function.identity(), d -> corrected.get(d.getId())));
    }
}
