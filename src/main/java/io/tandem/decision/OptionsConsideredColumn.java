package io.tandem.decision;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tandem.shared.ParsedJsonColumn;
import jakarta.persistence.Converter;
import java.util.List;

/** The {@code decision.options_considered} column, parsed once per distinct text, like {@link SignersColumn}. */
@Converter
class OptionsConsideredColumn extends ParsedJsonColumn<List<OptionConsidered>> {

    OptionsConsideredColumn() {
        super(new TypeReference<>() { }, List::copyOf);
    }
}
