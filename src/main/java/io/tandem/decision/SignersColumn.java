package io.tandem.decision;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tandem.shared.ParsedJsonColumn;
import jakarta.persistence.Converter;
import java.util.List;

/** The {@code decision.signers} column, parsed once per distinct text: decisions never change (the database refuses UPDATE). */
@Converter
class SignersColumn extends ParsedJsonColumn<List<Signer>> {

    SignersColumn() {
        super(new TypeReference<>() { }, List::copyOf);
    }
}
