package io.tandem.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import io.tandem.support.GraphQlTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * node(id) finds every kind of thing by the id the API handed out; the ids are made by NodeIdField, outside Spring's
 * controller methods.
 */
class NodeQueryTest extends GraphQlTestBase {

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void findsBetsBriefsConstraintsOptionsDecisionsAndCommentsByTheirGlobalIds() {
        String bet = driver.createBet("priya");
        String constraint = driver.addConstraint("erin", bet, "Single region");
        String brief = (String) driver.reviseBrief("priya", bet).get("brief").get("id");
        driver.mutateOk("priya", "acknowledgeConstraint", input("constraintId", constraint));
        String option = driver.commit(bet);
        String comment = (String) driver.mutateOk("lena", "addComment", input("betId", bet, "body", "Nice framing"))
                .get("comment").get("id");

        assertThat(typeOf(bet)).isEqualTo("Bet");
        assertThat(typeOf(brief)).isEqualTo("ProblemBrief");
        assertThat(typeOf(constraint)).isEqualTo("TechnicalConstraint");
        assertThat(typeOf(option)).isEqualTo("BetOption");
        assertThat(typeOf(comment)).isEqualTo("Comment");
        Map<String, Object> latest = as("ivan").document("query($id: ID!) { bet(id: $id) { latestDecision { id hash } } }")
                .variable("id", bet).execute().path("bet.latestDecision").entity(Map.class).get();
        assertThat(typeOf((String) latest.get("id"))).isEqualTo("Decision");
    }

    @Test
    void returnsNullForIdsThatNameNothing() {
        as("lena").document("{ a: node(id: \"bm90LWFuLWlk\") { id } b: node(id: \"%%%\") { id } "
                        + "c: node(id: \"QmV0OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA\") { id } }")
                .execute()
                .path("a").valueIsNull()
                .path("b").valueIsNull()
                .path("c").valueIsNull();
    }

    private String typeOf(String id) {
        return as("lena").document("query($id: ID!) { node(id: $id) { __typename id } }").variable("id", id).execute()
                .path("node.id").entity(String.class).isEqualTo(id)
                .path("node.__typename").entity(String.class).get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bet", "Decision", "BetOption", "TechnicalConstraint", "Comment", "ChangeRequest"})
    void servesANodesIdWithALightFetcher(String type) {
        GraphQLSchema schema = graphQlSource.schema();
        assertThat(schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, "id"),
                schema.getObjectType(type).getFieldDefinition("id"))).isInstanceOf(LightDataFetcher.class);
    }
}
