package io.tandem.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.tandem.support.GraphQlTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A technical constraint reads as acknowledged once product has acknowledged it, wherever it is read; it is
 * acknowledged once.
 */
class ConstraintAcknowledgementTest extends GraphQlTestBase {

    @Test
    void readsAsAcknowledgedOnlyOnceProductHasAcknowledgedIt() {
        String bet = driver.createBet("priya");
        String constraint = driver.addConstraint("erin", bet, "Single region");
        String other = driver.addConstraint("erin", bet, "Rate limited");
        assertThat(acknowledgedOnTheBet(bet)).containsExactly(entry(constraint, false), entry(other, false));
        assertThat(acknowledgedByNode(constraint)).isFalse();

        Map<String, Object> acknowledged = driver.mutateOk("priya", "acknowledgeConstraint",
                input("constraintId", constraint, "response", "Fine")).get("constraint");

        assertThat(acknowledged).containsEntry("acknowledged", true);
        assertThat(acknowledgedOnTheBet(bet)).containsExactly(entry(constraint, true), entry(other, false));
        assertThat(acknowledgedByNode(constraint)).isTrue();
        assertThat(acknowledgedByNode(other)).isFalse();
    }

    @Test
    void aConstraintIsAcknowledgedOnceAndAcknowledgingItAgainChangesNothing() {
        String bet = driver.createBet("priya");
        String constraint = driver.addConstraint("erin", bet, "Single region");
        driver.mutateOk("priya", "acknowledgeConstraint", input("constraintId", constraint, "response", "Fine"));

        Map<String, Object> again = driver.mutateOk("paul", "acknowledgeConstraint",
                input("constraintId", constraint, "response", "Also fine")).get("constraint");

        assertThat(again).containsEntry("acknowledged", true)
                .containsEntry("acknowledgements", List.of(Map.of("acknowledgedBy", "priya", "response", "Fine")));
    }

    /** Through Bet.constraints, which reads the constraints of every bet in a response with one query. */
    private Map<String, Boolean> acknowledgedOnTheBet(String bet) {
        List<Map<String, Object>> constraints = as("lena")
                .document("query($id: ID!) { bet(id: $id) { constraints { id acknowledged } } }")
                .variable("id", bet).execute().path("bet.constraints").entityList(Map.class).get()
                .stream().map(c -> (Map<String, Object>) c).toList();
        Map<String, Boolean> byId = new LinkedHashMap<>();
        constraints.forEach(c -> byId.put((String) c.get("id"), (Boolean) c.get("acknowledged")));
        return byId;
    }

    private boolean acknowledgedByNode(String constraint) {
        return as("lena").document("query($id: ID!) { node(id: $id) { ... on TechnicalConstraint { acknowledged } } }")
                .variable("id", constraint).execute().path("node.acknowledged").entity(Boolean.class).get();
    }
}
