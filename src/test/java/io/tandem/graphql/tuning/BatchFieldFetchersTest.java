package io.tandem.graphql.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.TrivialDataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import io.tandem.support.GraphQlTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The {@code @BatchMapping} fields are served by BatchFieldFetchers' trivial fetcher, not by Spring's fetcher in its
 * context decorator; the fields themselves are checked through the API by the listing, inbox and decision tests.
 */
class BatchFieldFetchersTest extends GraphQlTestBase {

    @Autowired
    private GraphQlSource graphQlSource;

    @ParameterizedTest
    @ValueSource(strings = {"Bet.brief", "Bet.latestDecision", "Bet.constraints", "Bet.waitingOn", "Task.bet",
            "Decision.supersededBy"})
    void servesABatchFieldWithATrivialFetcher(String field) {
        assertThat(fetcherOf(field)).isInstanceOf(TrivialDataFetcher.class);
    }

    @Test
    void leavesOtherControllerFieldsToSpring() {
        assertThat(fetcherOf("Bet.decisions")).isNotInstanceOf(TrivialDataFetcher.class);
        assertThat(fetcherOf("Query.bets")).isNotInstanceOf(TrivialDataFetcher.class);
    }

    private Object fetcherOf(String field) {
        GraphQLSchema schema = graphQlSource.schema();
        String[] parts = field.split("\\.");
        FieldCoordinates coordinates = FieldCoordinates.coordinates(parts[0], parts[1]);
        return schema.getCodeRegistry().getDataFetcher(coordinates, schema.getObjectType(parts[0]).getFieldDefinition(parts[1]));
    }
}
