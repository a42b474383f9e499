package io.tandem.brief;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tandem.shared.ParsedJsonColumn;
import jakarta.persistence.Converter;
import java.util.function.UnaryOperator;

/**
 * The {@code brief_revision.content} column: a revision's content as JSON, parsed once per distinct text. A revision
 * never changes (the database refuses UPDATE), and {@link BriefContent} is immutable all the way down.
 */
@Converter
class BriefContentColumn extends ParsedJsonColumn<BriefContent> {

    BriefContentColumn() {
        super(new TypeReference<>() { }, UnaryOperator.identity());
    }
}
