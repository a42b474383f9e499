package io.tandem.decision;

import java.util.List;
import java.util.UUID;

/** Engineering proposed a new set of commitment options; published inside the transaction that stores them. */
public record OptionsProposed(UUID betId, int proposal, List<UUID> optionIds) {

    public OptionsProposed {
        optionIds = List.copyOf(optionIds);
    }
}
