package io.tandem.decision;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tandem.shared.FieldChange;
import io.tandem.shared.ParsedJsonColumn;
import jakarta.persistence.Converter;
import java.util.List;

/** The {@code decision.changes} column, parsed once per distinct text: decisions never change. */
@Converter
class FieldChangesColumn extends ParsedJsonColumn<List<FieldChange>> {

    FieldChangesColumn() {
        super(new TypeReference<>() { }, List::copyOf);
    }
}
