package io.tandem.decision;

import io.tandem.shared.FieldChange;
import java.util.List;
import java.util.UUID;

/**
 * What the lifecycle asks the log to record; the log adds sequence, time and hashes. {@code changes} lists the bet's
 * fields an edit or a change of lead changed; empty for every other entry.
 */
public record NewDecision(DecisionKind kind, Gate gate, String context, List<OptionConsidered> optionsConsidered,
                          String chosenOption, String rationale, List<Signer> signers, UUID supersedesId,
                          List<FieldChange> changes) {

    public NewDecision {
        optionsConsidered = optionsConsidered == null ? List.of() : optionsConsidered;
        signers = signers == null ? List.of() : signers;
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public NewDecision(DecisionKind kind, Gate gate, String context, List<OptionConsidered> optionsConsidered,
                       String chosenOption, String rationale, List<Signer> signers, UUID supersedesId) {
        this(kind, gate, context, optionsConsidered, chosenOption, rationale, signers, supersedesId, List.of());
    }

    /** An entry that changed these fields of the bet, signed by these people, with their reason. */
    public static NewDecision changed(DecisionKind kind, String context, String rationale, List<Signer> signers,
                                      List<FieldChange> changes) {
        return new NewDecision(kind, null, context, List.of(), null, rationale, signers, null, changes);
    }
}
