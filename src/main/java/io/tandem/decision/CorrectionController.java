package io.tandem.decision;

import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import io.tandem.security.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Correcting the decision log by superseding an entry, and the link from an entry to its correction. */
@Controller
class CorrectionController {

    record RecordCorrectionInput(String betId, String supersedes, String rationale, Role signAs) {
    }

    record RecordCorrectionPayload(Decision decision, List<UserErrorView> userErrors) {
    }

    private final CorrectionService corrections;
    private final CurrentUsers users;

    CorrectionController(CorrectionService corrections, CurrentUsers users) {
        this.corrections = corrections;
        this.users = users;
    }

    @MutationMapping
    RecordCorrectionPayload recordCorrection(@Argument RecordCorrectionInput input) {
        return Mutations.run(() -> new RecordCorrectionPayload(corrections.correct(
                        GlobalId.require("Bet", input.betId(), "betId"),
                        GlobalId.require(DecisionController.DECISION, input.supersedes(), "supersedes"),
                        input.rationale(), input.signAs(), users.current()), List.of()),
                errors -> new RecordCorrectionPayload(null, errors));
    }

    @BatchMapping(typeName = DecisionController.DECISION)
    Map<Decision, Decision> supersededBy(List<Decision> entries) {
        Map<UUID, Decision> corrected = corrections.supersededBy(entries.stream().map(Decision::getId).toList());
        return entries.stream().filter(d -> corrected.containsKey(d.getId()))
                .collect(Collectors.toMap(Function.identity(), d -> corrected.get(d.getId())));
    }
}
