package io.tandem.lifecycle;

import static io.tandem.support.LiveSockets.ARRIVES;
import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.live.LiveEventStream;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.LiveSocket;
import io.tandem.support.LiveSockets;
import io.tandem.support.Payload;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Voiding a bet opened by mistake: during framing, by both sides (two people), through GraphQL and Tasklist; a voided
 * bet is CLOSED with outcome VOIDED, keeps its log, and is left out of scorecards and default listings.
 */
class VoidTest extends GraphQlTestBase {

    private static final String PRODUCT_VOID = "task_sign_void_product";
    private static final String ENGINEERING_VOID = "task_sign_void_engineering";

    @RegisterExtension
    final LiveSockets sockets = new LiveSockets();

    @Autowired
    private LiveEventStream stream;

    @Test
    void bothSidesVoidABetOpenedByMistakeAndItLeavesListingsAndScorecards() {
        String team = "Void " + System.nanoTime();
        String title = "Opened twice " + System.nanoTime();
        String bet = driver.createBet("priya", "title", title, "team", team);
        LiveSocket.Received watching = sockets.open(port, "lena").subscribeHeld(stream, LiveSocket.BET, Map.of("id", bet));

        Payload proposed = driver.mutateOk("priya", "proposeVoid", input("betId", bet, "reason", "BET-12 is the same bet"));
        assertThat(proposed.bet()).containsEntry("stage", "FRAMING");
        assertThat(driver.waitingOn(bet)).contains(ENGINEERING_VOID).doesNotContain(PRODUCT_VOID);

        Payload voided = driver.sign("erin", bet, "VOID");

        assertThat(voided.bet()).containsEntry("stage", "CLOSED").containsEntry("outcome", "VOIDED");
        assertThat(driver.waitingOn(bet)).isEmpty();
        assertThat(driver.decisionKinds(bet)).containsExactly("VOIDED");
        assertThat(driver.state(bet).get("latestDecision")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("rationale", "product: BET-12 is the same bet");
        assertThat(titles(title, null)).isEmpty();
        assertThat(titles(title, List.of("VOIDED"))).containsExactly(title);
        assertThat(scorecard(team)).containsEntry("betsClosed", 0);
        assertThat(watching.await(e -> "DECIDED".equals(e.get("kind")), ARRIVES).get("summary")).asString().startsWith("VOIDED");
    }

    @Test
    void oneAloneNeverVoidsABet() {
        String bet = driver.createBet("sam");
        driver.mutateOk("sam", "proposeVoid", input("betId", bet, "reason", "Wrong team", "signAs", "PRODUCT"));
        Map<String, Object> before = driver.state(bet);

        Payload refused = driver.sign("sam", bet, "VOID", "signAs", "ENGINEERING");

        assertThat(refused.errorCodes()).containsExactly("SAME_PERSON");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @Test
    void aVoidWaitsForAnAnswerBeforeFramingAndCanBeTurnedDown() {
        String bet = driver.framingGateOpen();
        driver.mutateOk("erin", "proposeVoid", input("betId", bet, "reason", "Duplicate"));
        Map<String, Object> before = driver.state(bet);

        assertThat(driver.sign("priya", bet, "FRAMING").errorCodes()).containsExactly("VOID_PENDING");
        assertThat(driver.mutate("priya", "proposeVoid", input("betId", bet, "reason", "Again")).errorCodes())
                .containsExactly("VOID_PENDING");
        assertThat(driver.state(bet)).isEqualTo(before);

        assertThat(driver.sign("priya", bet, "VOID", "answer", "REQUEST_CHANGES", "reason", "It is not a duplicate").ok()).isTrue();

        assertThat(driver.decisionKinds(bet)).containsExactly("VOID_REJECTED");
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(PRODUCT_FRAMING, ENGINEERING_FRAMING);
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("erin", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");
    }

    @Test
    void aBetPastFramingIsKilledNotVoided() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        Map<String, Object> before = driver.state(bet);

        Payload refused = driver.mutate("priya", "proposeVoid", input("betId", bet, "reason", "Opened by mistake"));

        assertThat(refused.errorCodes()).containsExactly("WRONG_STAGE");
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(driver.mutate("priya", "proposeVoid", input("betId", driver.createBet("priya"), "reason", " ")).errorCodes())
                .containsExactly("INVALID_INPUT");
    }

    @Test
    void theOtherSideVoidsInTasklistUnderTheSameRules() {
        String bet = driver.createBet("priya");
        driver.mutateOk("priya", "proposeVoid", input("betId", bet, "reason", "Opened in the wrong team"));
        approveInTasklist("erin", "engineering", engineTask(bet, ENGINEERING_VOID).getId());

        assertThat(driver.state(bet)).containsEntry("stage", "CLOSED").containsEntry("outcome", "VOIDED");
    }

    @SuppressWarnings("unchecked")
    private List<String> titles(String title, List<String> outcomes) {
        Map<String, Object> filter = new HashMap<>(Map.of("titleContains", title));
        if (outcomes != null) {
            filter.put("outcomes", outcomes);
        }
        List<Map<String, Object>> nodes = as("lena").document("query($f: BetFilter) { bets(filterBy: $f) { nodes { title } } }")
                .variable("f", filter).execute().path("bets.nodes").entity(List.class).get();
        return nodes.stream().map(n -> (String) n.get("title")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scorecard(String team) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return as("lena").documentName("scorecard").variable("input", input("from", today.minusDays(1).toString(),
                "to", today.plusDays(1).toString(), "team", team)).execute().path("scorecard").entity(Map.class).get();
    }
}
