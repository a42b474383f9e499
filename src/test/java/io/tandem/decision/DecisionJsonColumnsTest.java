package io.tandem.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A decision's JSON columns: written in the form Hibernate's own JSON mapper wrote before the converters did, read
 * back as written, parsed once per text into lists no reader can change (every reader shares them).
 */
class DecisionJsonColumnsTest {

    private static final Signer PRIYA = new Signer("priya", "Priya", "product", "APPROVE", "afd86a2e",
            Instant.parse("2026-11-26T21:12:26.903380Z"));

    @Test
    void signersAreStoredAsBeforeAndReadOnceIntoAListNoReaderCanChange() {
        SignersColumn column = new SignersColumn();
        String text = column.convertToDatabaseColumn(List.of(PRIYA));
        assertThat(text).isEqualTo("[{\"userId\":\"priya\",\"name\":\"Priya\",\"role\":\"product\",\"answer\":\"APPROVE\","
                + "\"briefHash\":\"afd86a2e\",\"signedAt\":1795727546.903380000}]");

        List<Signer> first = column.convertToEntityAttribute(text);
        assertThat(first).containsExactly(PRIYA);
        assertThat(column.convertToEntityAttribute(new String(text))).isSameAs(first);
        assertThatThrownBy(() -> first.add(PRIYA)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void optionsConsideredReadBackWithTheirMissingPartsAndCannotBeChanged() {
        OptionsConsideredColumn column = new OptionsConsideredColumn();
        OptionConsidered thin = new OptionConsidered("6b3bd395", "Thin slice", "One payment method", "2027-01-26",
                "Ships in weeks", "Wallets wait", null);
        // the form PostgreSQL gives a jsonb column back in: keys reordered, a space after each separator
        String stored = "[{\"id\": \"6b3bd395\", \"risk\": null, \"gains\": \"Ships in weeks\", \"label\": \"Thin slice\","
                + " \"window\": \"2027-01-26\", \"givesUp\": \"Wallets wait\", \"scopeSummary\": \"One payment method\"}]";

        List<OptionConsidered> read = column.convertToEntityAttribute(stored);
        assertThat(read).containsExactly(thin);
        assertThat(column.convertToEntityAttribute(new String(stored))).isSameAs(read);
        assertThatThrownBy(() -> read.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(new ArrayList<>(List.of(thin)))))
                .containsExactly(thin);
    }

    @Test
    void anEmptyListStaysEmpty() {
        SignersColumn column = new SignersColumn();
        assertThat(column.convertToDatabaseColumn(List.of())).isEqualTo("[]");
        assertThat(column.convertToEntityAttribute("[]")).isEmpty();
    }
}
