package io.tandem.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Non-goals that held: approving the outcome review, each side attests for every non-goal of the brief whether it held;
 * a breached one needs a note, is listed in the review's entry and counts on the scorecard as scope creep. The rule
 * holds through GraphQL and the engine's door, and a refusal signs nothing.
 */
class NonGoalAttestationTest extends GraphQlTestBase {

    private static final String CART = "Redesigning the cart";
    private static final String WALLETS = "Wallets";

    @Autowired
    private TaskService engineTasks;

    @Test
    @SuppressWarnings("unchecked")
    void bothSidesAttestEveryNonGoalAndABreachedOneIsLoggedAndCountedAsScopeCreep() {
        String team = "Non-goals " + System.nanoTime();
        String bet = reviewOpen(team);

        assertThat(sign("priya", bet, List.of()).userErrors()).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "nonGoals")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("'" + CART + "'", "'" + WALLETS + "'")));
        assertThat(sign("priya", bet, List.of(held(CART), held(WALLETS), held("Loyalty points"))).userErrors())
                .singleElement().satisfies(e -> assertThat(e).containsEntry("field", "nonGoals[2].nonGoal"));
        assertThat(sign("priya", bet, List.of(held(CART), held(CART))).userErrors())
                .singleElement().satisfies(e -> assertThat(e).containsEntry("field", "nonGoals[1].nonGoal"));
        assertThat(sign("priya", bet, List.of(held(CART), Map.of("nonGoal", WALLETS, "held", false))).userErrors())
                .singleElement().satisfies(e -> assertThat(e).containsEntry("field", "nonGoals[1].note"));
        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "answer", "REQUEST_CHANGES", "reason", "Measure longer",
                "nonGoals", List.of(held(CART), held(WALLETS))).userErrors()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("field", "nonGoals"));
        assertThat(driver.waitingOn(bet)).as("nothing was signed")
                .containsExactlyInAnyOrder("task_sign_outcome_product", "task_sign_outcome_engineering");

        assertThat(sign("priya", bet, List.of(held(WALLETS), held(CART))).userErrors()).isEmpty();
        assertThat(sign("erin", bet, List.of(held(CART), Map.of("nonGoal", WALLETS, "held", false,
                "note", "Apple Pay slipped in at the last sprint"))).userErrors()).isEmpty();

        Map<String, Object> closed = as("lena").document("query($id: ID!) { bet(id: $id) { stage latestDecision { kind context }"
                + " nonGoalAttestations { nonGoal side signerId held note } } }").variable("id", bet).execute()
                .path("bet").entity(Map.class).get();
        assertThat(closed.get("stage")).isEqualTo("CLOSED");
        assertThat((Map<String, Object>) closed.get("latestDecision")).containsEntry("kind", "OUTCOME_VERDICT")
                .hasEntrySatisfying("context", c -> assertThat((String) c).contains("Non-goals: '" + CART
                        + "' engineering says it held, product says it held; '" + WALLETS
                        + "' engineering says it was breached: Apple Pay slipped in at the last sprint, product says it held"));
        assertThat((List<Map<String, Object>>) closed.get("nonGoalAttestations"))
                .extracting(a -> a.get("nonGoal"), a -> a.get("side"), a -> a.get("held"), a -> a.get("note")).containsExactly(
                        tuple(CART, "engineering", true, null), tuple(CART, "product", true, null),
                        tuple(WALLETS, "engineering", false, "Apple Pay slipped in at the last sprint"),
                        tuple(WALLETS, "product", true, null));

        String today = LocalDate.now().toString();
        assertThat(as("lena").document("query($team: String) { scorecard(input: {from: \"" + today + "\", to: \"" + today
                        + "\", team: $team}) { betsClosed nonGoalsBreached } }").variable("team", team).execute()
                .path("scorecard").entity(Map.class).get()).isEqualTo(Map.of("betsClosed", 1, "nonGoalsBreached", 1));
    }

    @Test
    void nonGoalsAreAttestedAtTheOutcomeReviewOnly() {
        String bet = driver.framingGateOpen();
        assertThat(driver.sign("priya", bet, "FRAMING", "nonGoals", List.of(held(CART))).userErrors()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT").containsEntry("field", "nonGoals"));
        assertThat(driver.waitingOn(bet)).contains("task_sign_framing_product");
    }

    @Test
    void theEngineDoorTakesTheAttestationsAsJsonAndHoldsTheSameRule() {
        String bet = reviewOpen("Engine door " + System.nanoTime());
        String taskId = engineTask(bet, "task_sign_outcome_engineering").getId();
        asTasklistUser("erin", "engineering", () -> {
            engineTasks.claim(taskId, "erin");
            return null;
        });

        for (String nonGoals : List.of("held", "[{\"nonGoal\": \"" + CART + "\", \"held\": true}]")) {
            assertThatThrownBy(() -> asTasklistUser("erin", "engineering", () -> {
                engineTasks.complete(taskId, Map.of("answer", "APPROVE", "choice", "WON", "nonGoals", nonGoals));
                return null;
            })).as(nonGoals).hasMessageContaining("INVALID_INPUT");
        }
        asTasklistUser("erin", "engineering", () -> {
            engineTasks.complete(taskId, Map.of("answer", "APPROVE", "choice", "WON", "nonGoals", "[{\"nonGoal\": \"" + CART
                    + "\", \"held\": true}, {\"nonGoal\": \"" + WALLETS + "\", \"held\": true}]"));
            return null;
        });
        assertThat(driver.waitingOn(bet)).containsExactly("task_sign_outcome_product");
    }

    /** A bet of this team with the non-goals CART and WALLETS whose outcome review is open. */
    private String reviewOpen(String team) {
        return driver.outcomeGateOpen("GRADUATE", id -> {
            driver.mutateOk("priya", "updateBet", input("betId", id, "team", team));
            driver.commit(id, "nonGoals", List.of(CART, WALLETS));
        });
    }

    private Payload sign(String user, String bet, List<Map<String, Object>> nonGoals) {
        return driver.sign(user, bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON", "nonGoals", nonGoals);
    }

    private static Map<String, Object> held(String nonGoal) {
        return Map.of("nonGoal", nonGoal, "held", true);
    }
}
