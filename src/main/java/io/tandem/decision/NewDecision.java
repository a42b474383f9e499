package io.tandem.decision;

import java.util.List;
import java.util.UUID;

/** What the lifecycle asks the log to record; the log adds sequence, time and hashes. */
public record NewDecision(DecisionKind kind, Gate gate, String context, List<OptionConsidered> optionsConsidered,
                          String chosenOption, String rationale, List<Signer> signers, UUID supersedesId) {

    public NewDecision {
        optionsConsidered = optionsConsidered == null ? List.of() : optionsConsidered;
        signers = signers == null ? List.of() : signers;
    }
}
