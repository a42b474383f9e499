package io.tandem.graphql.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import io.tandem.support.GraphQlTestBase;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Documents sent again come from the parsed-document cache, and are still held to every limit and rule. */
class ParsedDocumentCacheTest extends GraphQlTestBase {

    // cost: bets 1 + nodes 20 + decisions 20 + (nodes + id) 2 × 20 × n = 41 + 40n; at most 2000 means n ≤ 48
    private static final String COSTLY = "query costly($n: Int) { bets(first: 20) { nodes { decisions(first: $n) { nodes { id } } } } }";

    private final AtomicInteger parsed = new AtomicInteger();

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

    @Test
    void parsesADocumentOnceAndThenServesItFromTheCache() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);

        PreparsedDocumentEntry first = cache.getDocumentAsync(input("{ viewer { id } }"), this::parse).join();
        PreparsedDocumentEntry second = cache.getDocumentAsync(input("{ viewer { id } }"), this::parse).join();

        assertThat(second).isSameAs(first);
        assertThat(parsed).hasValue(1);
    }

    @Test
    void keepsNoDocumentThatFailedAndNoneWhenTurnedOff() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);
        ParsedDocumentCache off = new ParsedDocumentCache(0);
        Function<ExecutionInput, PreparsedDocumentEntry> refuse = input -> {
            parsed.incrementAndGet();
            return new PreparsedDocumentEntry(List.of(GraphqlErrorBuilder.newError().message("invalid").build()));
        };

        cache.getDocumentAsync(input("{ nope }"), refuse).join();
        cache.getDocumentAsync(input("{ nope }"), refuse).join();
        off.getDocumentAsync(input("{ viewer { id } }"), this::parse).join();
        off.getDocumentAsync(input("{ viewer { id } }"), this::parse).join();

        assertThat(parsed).hasValue(4);
    }

    @Test
    void startsAgainWhenFullInsteadOfGrowing() {
        ParsedDocumentCache cache = new ParsedDocumentCache(2);

        for (String query : List.of("{ a }", "{ b }", "{ c }", "{ a }", "{ c }")) {
            cache.getDocumentAsync(input(query), this::parse).join();
        }

        // a and b fill it; c empties it and is kept; a is parsed again and kept beside c; c comes from the cache
        assertThat(parsed).hasValue(4);
    }

    @Test
    void parsesAVeryLongDocumentEveryTime() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10);
        String longQuery = "{ viewer { id } }" + " ".repeat(ParsedDocumentCache.MAX_CACHED_LENGTH);

        cache.getDocumentAsync(input(longQuery), this::parse).join();
        cache.getDocumentAsync(input(longQuery), this::parse).join();

        assertThat(parsed).hasValue(2);
    }

    private PreparsedDocumentEntry parse(ExecutionInput input) {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    }

    private static ExecutionInput input(String query) {
        return ExecutionInput.newExecutionInput(query).build();
    }
}
