package io.tandem.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import org.junit.jupiter.api.Test;

/** Documents sent again come from the parsed-document cache, and are still held to every limit and rule. */
class ParsedDocumentCacheTest extends GraphQlTestBase {

    // cost: bets 1 + nodes 20 + decisions 20 + (nodes + id) 2 × 20 × n = 41 + 40n; at most 2000 means n ≤ 48
    private static final String COSTLY = "query costly($n: Int) { bets(first: 20) { nodes { decisions(first: $n) { nodes { id } } } } }";

    @Test
    void checksTheCostOfACachedDocumentWithTheVariablesOfEachRequest() {
        as("priya").document(COSTLY).variable("n", 48).execute().errors().verify();
        as("priya").document(COSTLY).variable("n", 48).execute().errors().verify();

        as("priya").document(COSTLY).variable("n", 49).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("QUERY_TOO_COMPLEX")));
    }

    @Test
    void refusesAnInvalidDocumentEveryTimeItIsSent() {
        for (int i = 0; i < 2; i++) {
            as("priya").document("{ bets(first: 5) { nodes { noSuchField } } }").execute().errors()
                    .satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("ValidationError")));
        }
    }
}
