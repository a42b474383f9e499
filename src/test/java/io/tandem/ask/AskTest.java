package io.tandem.ask;

import static io.tandem.support.BetDriver.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import io.tandem.support.WebAppSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

/**
 * Asks with cost receipts, as leadership, product and engineering: a leader's ask of a committed bet opens its OPTIONS
 * gate; engineering states the options and what each gives up; product and engineering sign one; only the asker
 * co-signs it (through GraphQL or Tasklist's engine API), and its cost becomes a receipt on their name, settled by both
 * sides at the outcome review and counted on the scorecard. Every refusal has its code and changes nothing.
 */
class AskTest extends GraphQlTestBase {

    private static final String STATE_OPTIONS = "task_state_ask_options";
    private static final String SIGN_PRODUCT = "task_sign_options_product";
    private static final String SIGN_ENGINEERING = "task_sign_options_engineering";
    private static final String CO_SIGN = "task_sign_options_leadership";

    @Autowired
    private ProcessEngine processEngine;

    @BeforeEach
    void webAppsFindThisEngine() {
        WebAppSession.registerForTheWebApps(processEngine);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAskOpensTheOptionsGateTheAskerCoSignsAndTheReceiptComesDueAtTheOutcomeReview() {
        String team = "Checkout " + System.nanoTime();
        String bet = driver.createBet("priya", "team", team, "measurementPeriod", "PT1S");
        driver.commit(bet);
        LocalDate committed = LocalDate.parse((String) driver.state(bet).get("window"));
        LocalDate fair = today().plusDays(14);

        Payload asked = ask("leo", bet, "EARLIER_WINDOW", "Launch before the trade fair", fair);
        assertThat(asked.userErrors()).isEmpty();
        assertThat(asked.get("ask")).containsEntry("state", "OPEN").containsEntry("askedBy", "leo")
                .containsEntry("window", fair.toString());
        assertThat(driver.waitingOn(bet)).contains(STATE_OPTIONS).doesNotContain(SIGN_PRODUCT, CO_SIGN);
        Map<String, Object> waiting = driver.state(bet);
        assertThat(ask("lena", bet, "MORE_SCOPE", "Wallets too", null).errorCodes()).containsExactly("ASK_PENDING");
        assertThat(driver.state(bet)).isEqualTo(waiting);

        assertThat(driver.mutate("erin", "stateAskOptions", map("betId", bet, "options", List.of())).errorCodes())
                .containsExactly("TOO_FEW_OPTIONS");
        assertThat(driver.mutate("erin", "stateAskOptions", map("betId", bet, "options", List.of(
                map("summary", "Cards only", "givesUp", " ")))).userErrors()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT").containsEntry("field", "options[0].givesUp"));
        assertThat(driver.state(bet)).isEqualTo(waiting);
        Payload stated = driver.mutateOk("erin", "stateAskOptions", map("betId", bet, "options", List.of(
                map("summary", "Ship card payments only, by the fair", "givesUp", "Wallets slip to the next cycle",
                        "newWindow", fair.toString(), "newScope", "Card payments only"),
                map("summary", "Keep the window; build a demo for the fair", "givesUp", "Two days of demo work"))));
        List<Map<String, Object>> options = (List<Map<String, Object>>) ((List<Map<String, Object>>) stated.bet().get("asks"))
                .get(0).get("options");
        String cardsOnly = (String) options.get(0).get("id");
        String demo = (String) options.get(1).get("id");
        assertThat(driver.waitingOn(bet)).contains(SIGN_PRODUCT, SIGN_ENGINEERING).doesNotContain(STATE_OPTIONS, CO_SIGN);

        assertThat(driver.sign("priya", bet, "OPTIONS", "optionId", cardsOnly).userErrors()).isEmpty();
        assertThat(driver.sign("erin", bet, "OPTIONS", "optionId", demo).errorCodes()).containsExactly("CHOICE_MISMATCH");
        assertThat(driver.sign("erin", bet, "OPTIONS", "optionId", cardsOnly).userErrors()).isEmpty();
        assertThat(driver.waitingOn(bet)).contains(CO_SIGN).doesNotContain(SIGN_PRODUCT, SIGN_ENGINEERING);
        assertThat(candidateUsers(bet, CO_SIGN)).as("the co-signature waits on the asker alone").containsExactly("leo");
        assertThat(driver.inboxSteps("leo", bet)).containsExactly(CO_SIGN);
        assertThat(driver.inboxSteps("lena", bet)).isEmpty();
        assertThat(driver.decisionKinds(bet)).doesNotContain("ASK_ACCEPTED");

        Map<String, Object> beforeCoSign = driver.state(bet);
        assertThat(driver.sign("lena", bet, "OPTIONS", "signAs", "LEADERSHIP").errorCodes())
                .as("another leader").containsExactly("NOT_THE_ASKER");
        assertThat(driver.sign("priya", bet, "OPTIONS", "signAs", "LEADERSHIP").errorCodes())
                .as("product signing leadership's side").containsExactly("WRONG_ROLE");
        assertThat(driver.state(bet)).isEqualTo(beforeCoSign);

        assertThat(driver.sign("leo", bet, "OPTIONS").userErrors()).as("the asker co-signs the option both chose").isEmpty();
        Map<String, Object> accepted = driver.state(bet);
        assertThat(accepted.get("window")).as("the option moved the window").isEqualTo(fair.toString());
        assertThat((List<Map<String, Object>>) accepted.get("asks")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("state", "ACCEPTED"));
        Map<String, Object> receipt = ((List<Map<String, Object>>) accepted.get("receipts")).get(0);
        assertThat(receipt).containsEntry("givesUp", "Wallets slip to the next cycle")
                .containsEntry("windowFrom", committed.toString()).containsEntry("windowTo", fair.toString());
        Map<String, Object> entry = (Map<String, Object>) accepted.get("latestDecision");
        assertThat(entry).containsEntry("kind", "ASK_ACCEPTED").containsEntry("gate", "OPTIONS")
                .containsEntry("chosenOption", cardsOnly);
        assertThat((List<Map<String, Object>>) entry.get("signers")).extracting(s -> s.get("userId") + "/" + s.get("role"))
                .containsExactly("priya/product", "erin/engineering", "leo/leadership");
        assertThat(verified(bet)).isTrue();

        driver.mutateOk("erin", "markDelivered", map("betId", bet));
        driver.mutateOk("priya", "confirmDelivery", map("betId", bet));
        await().atMost(Duration.ofSeconds(30)).until(() -> driver.stage(bet).equals("OUTCOME_REVIEW"));
        driver.mutateOk("priya", "recordOutcome", map("betId", bet, "actuals", List.of(map("metric", "checkout conversion",
                "actual", 3.1)), "whatWeLearned", "Cards were enough", "whatWeWouldDoDifferently", "Ask earlier",
                "recommendation", "GRADUATE"));
        String receiptId = (String) receipt.get("id");
        Map<String, Object> review = driver.state(bet);
        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON").userErrors()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT").containsEntry("field", "receipts")
                        .hasEntrySatisfying("message", m -> assertThat((String) m).contains("every receipt")));
        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON", "receipts",
                List.of(map("receiptId", receiptId, "paid", "MORE")))).satisfies(p -> assertThat(p.userErrors())
                .singleElement().satisfies(e -> assertThat(e).containsEntry("field", "receipts[0].note")));
        assertThat(driver.sign("erin", bet, "SPIKE", "receipts", List.of()).errorCodes()).isNotEmpty();
        assertThat(driver.state(bet)).isEqualTo(review);

        assertThat(driver.sign("priya", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON", "receipts", List.of(map(
                "receiptId", receiptId, "paid", "MORE", "note", "Wallet customers churned while they waited")))
                .userErrors()).isEmpty();
        assertThat(driver.sign("erin", bet, "OUTCOME_REVIEW", "outcomeVerdict", "WON", "receipts", List.of(map(
                "receiptId", receiptId, "paid", "AS_STATED"))).userErrors()).isEmpty();
        Map<String, Object> closed = driver.state(bet);
        assertThat(closed).containsEntry("outcome", "WON");
        assertThat((List<Map<String, Object>>) ((List<Map<String, Object>>) closed.get("receipts")).get(0).get("settlements"))
                .extracting(s -> s.get("side") + "/" + s.get("paid"))
                .containsExactlyInAnyOrder("product/MORE", "engineering/AS_STATED");
        String verdict = as("lena").document("query($id: ID!) { bet(id: $id) { decisions(first: 100) { nodes { kind context } } } }")
                .variable("id", bet).execute().path("bet.decisions.nodes[?(@.kind == 'OUTCOME_VERDICT')].context")
                .entityList(String.class).get().get(0);
        assertThat(verdict).contains("Receipts:", "product says paid more (Wallet customers churned while they waited)",
                "engineering says paid as stated");

        Map<String, Object> leo = leader(team, "leo");
        assertThat(leo).containsEntry("asksMade", 1).containsEntry("costsPromised", 1).containsEntry("paidMore", 1)
                .containsEntry("paidAsStated", 0).containsEntry("paidLess", 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusalsHaveTheirCodeAndChangeNothing() {
        String framing = driver.framingGateOpen();
        assertThat(ask("leo", framing, "MORE_SCOPE", "Wallets too", null).errorCodes()).containsExactly("WRONG_STAGE");
        String bet = driver.createBet("priya");
        driver.commit(bet);
        LocalDate committed = LocalDate.parse((String) driver.state(bet).get("window"));
        Map<String, Object> before = driver.state(bet);

        List<ResponseError> errors = new ArrayList<>();
        as("priya").documentName("makeAsk").variable("input", map("betId", bet, "kind", "MORE_SCOPE", "request", "More"))
                .execute().errors().satisfy(errors::addAll);
        assertThat(errors).as("only leadership asks").singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN"));
        assertThat(ask("leo", bet, "EARLIER_WINDOW", "Sooner", null).userErrors()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT").containsEntry("field", "window"));
        assertThat(ask("leo", bet, "EARLIER_WINDOW", "Later, actually", committed.plusDays(1)).errorCodes())
                .containsExactly("INVALID_INPUT");
        assertThat(ask("leo", bet, "NEW_PRIORITY", "x".repeat(2001), null).errorCodes()).containsExactly("INVALID_INPUT");
        assertThat(ask("leo", bet, "NEW_PRIORITY", "Yesterday", today().minusDays(1)).errorCodes()).containsExactly("INVALID_INPUT");
        assertThat(driver.sign("priya", bet, "OPTIONS", "optionId", "nothing").errorCodes()).isNotEmpty();
        assertThat(driver.mutate("erin", "stateAskOptions", map("betId", bet, "options", List.of(
                map("summary", "A", "givesUp", "B")))).errorCodes()).as("no ask waits").containsExactly("WRONG_STAGE");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    /**
     * Through the engine API behind Tasklist: another leader neither sees nor completes the co-signature, an admin cannot
     * hand it to them, and the asker withdraws the ask there (with a reason): it is declined, and nothing about the bet
     * changes. An ask whose gate closes unanswered (the bet killed) lapses.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onlyTheAskerCoSignsInTasklistAndAnUnansweredAskLapses() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        String askId = (String) ask("leo", bet, "MORE_SCOPE", "Add wallets for the launch", null).get("ask").get("id");
        driver.mutateOk("erin", "stateAskOptions", map("betId", bet, "options", List.of(
                map("summary", "Add wallets", "givesUp", "Three weeks", "newWindow", today().plusMonths(2).toString()))));
        assertThat(driver.sign("priya", bet, "OPTIONS", "optionId", optionOf(bet)).userErrors()).isEmpty();
        assertThat(driver.sign("erin", bet, "OPTIONS").userErrors()).as("engineering agrees to the option product signed").isEmpty();
        String task = engineTask(bet, CO_SIGN).getId();
        Map<String, Object> before = driver.state(bet);

        WebAppSession lena = WebAppSession.demoLogin(port, "lena", "tasklist");
        assertThat(lena.signedIn()).as("leadership works its co-signatures in Tasklist").isNotNull();
        assertThat(lena.engineJson("/task?taskDefinitionKey=" + CO_SIGN)).as("not her ask").isEmpty();
        HttpResponse<String> completed = lena.engine("POST", "/task/" + task + "/complete",
                "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}}}");
        assertThat(completed.statusCode()).isBetween(400, 499);
        WebAppSession ada = WebAppSession.demoLogin(port, "ada", "tasklist");
        HttpResponse<String> handedOver = ada.engine("POST", "/task/" + task + "/assignee", "{\"userId\": \"lena\"}");
        assertThat(handedOver.statusCode()).isEqualTo(400);
        assertThat(handedOver.body()).contains("NOT_THE_ASKER");
        assertThat(driver.state(bet)).isEqualTo(before);

        WebAppSession leo = WebAppSession.demoLogin(port, "leo", "tasklist");
        HttpResponse<String> noReason = leo.engine("POST", "/task/" + task + "/complete",
                "{\"variables\": {\"answer\": {\"value\": \"REQUEST_CHANGES\"}}}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("INVALID_INPUT");
        assertThat(leo.engine("POST", "/task/" + task + "/complete", "{\"variables\": {\"answer\": {\"value\":"
                + " \"REQUEST_CHANGES\"}, \"reason\": {\"value\": \"Three weeks is more than wallets are worth now\"}}}")
                .statusCode()).isEqualTo(204);
        Map<String, Object> declined = driver.state(bet);
        assertThat(declined.get("window")).isEqualTo(before.get("window"));
        assertThat((List<Object>) declined.get("receipts")).isEmpty();
        assertThat((List<Map<String, Object>>) declined.get("asks")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("id", askId).containsEntry("state", "DECLINED"));
        assertThat((Map<String, Object>) declined.get("latestDecision")).containsEntry("kind", "ASK_DECLINED")
                .containsEntry("rationale", "Three weeks is more than wallets are worth now");
        assertThat(driver.waitingOn(bet)).doesNotContain(CO_SIGN, SIGN_PRODUCT, SIGN_ENGINEERING);

        assertThat(ask("leo", bet, "NEW_PRIORITY", "Fraud checks first", null).userErrors()).isEmpty();
        driver.mutateOk("priya", "proposeKill", map("betId", bet, "rationale", "The market moved"));
        assertThat(driver.sign("erin", bet, "KILL").userErrors()).isEmpty();
        assertThat((List<Map<String, Object>>) driver.state(bet).get("asks")).extracting(a -> a.get("state"))
                .containsExactly("DECLINED", "LAPSED");
    }

    private Payload ask(String user, String bet, String kind, String request, LocalDate window) {
        Map<String, Object> input = map("betId", bet, "kind", kind, "request", request);
        if (window != null) {
            input.put("window", window.toString());
        }
        return driver.mutate(user, "makeAsk", input);
    }

    private String optionOf(String bet) {
        return as("lena").document("query($id: ID!) { bet(id: $id) { asks { state options { id } } } }").variable("id", bet)
                .execute().path("bet.asks[?(@.state == 'OPEN')].options[0].id").entityList(String.class).get().get(0);
    }

    private boolean verified(String bet) {
        return as("ivan").document("query($id: ID!) { verifyDecisionLog(betId: $id) { valid } }").variable("id", bet)
                .execute().path("verifyDecisionLog.valid").entity(Boolean.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> leader(String team, String userId) {
        List<Map<String, Object>> leaders = as("lena").document("""
                        query($from: Date!, $to: Date!, $team: String) { scorecard(input: {from: $from, to: $to, team: $team}) {
                          leaders { userId betsPlaced asksMade costsPromised paidAsStated paidMore paidLess } } }""")
                .variable("from", today().toString()).variable("to", today().plusDays(1).toString()).variable("team", team)
                .execute().path("scorecard.leaders").entity(List.class).get();
        return leaders.stream().filter(l -> userId.equals(l.get("userId"))).findFirst().orElseThrow();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
