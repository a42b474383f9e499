package io.tandem.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;

/** Delivery: status updates, scope and window changes signed by both sides, and the window escalation. */
class DeliveryChangesTest extends GraphQlTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void keepsDeliveryStatusUpdatesInOrder() {
        String bet = committedBet();
        driver.mutateOk("erin", "postStatusUpdate", input("betId", bet, "status", "ON_TRACK", "text", "API done"));
        driver.mutateOk("priya", "postStatusUpdate", input("betId", bet, "status", "AT_RISK", "text", "Provider sandbox is down"));
        assertThat(statusUpdates(bet)).extracting(u -> u.get("status") + " by " + u.get("authorId"))
                .containsExactly("ON_TRACK by erin", "AT_RISK by priya");
    }

    @Test
    void refusesStatusUpdatesOutsideDelivery() {
        String bet = driver.createBet("priya");
        Map<String, Object> before = delivery(bet);
        Payload refused = driver.mutate("erin", "postStatusUpdate", input("betId", bet, "status", "ON_TRACK", "text", "Early"));
        assertThat(refused.errorCodes()).containsExactly("WRONG_STAGE");
        assertThat(delivery(bet)).isEqualTo(before);
    }

    @Test
    void movesTheWindowWhenBothSidesSignTheChangeAndMovesTheEscalationWithIt() {
        String bet = committedBet();
        LocalDate newWindow = TODAY.plusMonths(2);
        driver.mutateOk("erin", "requestWindowChange", input("betId", bet, "newWindow", newWindow.toString(),
                "rationale", "The provider moved its API freeze"));
        assertThat(steps(bet)).contains("task_sign_change_product").doesNotContain("task_sign_change_engineering");

        assertThat(driver.sign("priya", bet, "CHANGE").ok()).isTrue();
        Map<String, Object> after = delivery(bet);
        assertThat(after.get("window")).isEqualTo(newWindow.toString());
        assertThat(latestDecision(after)).containsEntry("kind", "WINDOW_MOVED").containsEntry("gate", "CHANGE");
        assertThat((String) latestDecision(after).get("context")).contains("to " + newWindow);
        assertThat(windowTimer(bet).getDuedate())
                .isEqualTo(Date.from(newWindow.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(steps(bet)).containsExactly("task_mark_delivered");
    }

    @Test
    void refusesAScopeCutWithoutATheoryOfCustomerHarm() {
        String bet = committedBet();
        Map<String, Object> before = delivery(bet);
        Payload refused = driver.mutate("erin", "requestScopeChange", input("betId", bet, "newScope", "Cards only",
                "cut", true, "rationale", "Wallet SDK is late"));
        assertThat(refused.errorCodes()).containsExactly("HARM_THEORY_REQUIRED");
        assertThat(refused.userErrors().get(0)).containsEntry("field", "customerHarm");
        assertThat(delivery(bet)).isEqualTo(before);
    }

    @Test
    void cutsScopeWithATheoryOfCustomerHarmOnceBothSign() {
        String bet = committedBet();
        driver.mutateOk("priya", "requestScopeChange", input("betId", bet, "newScope", "Cards only", "cut", true,
                "customerHarm", "Wallet users (4% of checkouts) keep today's flow for one more quarter",
                "rationale", "Wallet SDK is late"));
        assertThat(driver.sign("erin", bet, "CHANGE").ok()).isTrue();
        Map<String, Object> after = delivery(bet);
        assertThat(after.get("scopeSummary")).isEqualTo("Cards only");
        assertThat(latestDecision(after)).containsEntry("kind", "SCOPE_CUT");
        assertThat((String) latestDecision(after).get("context"))
                .contains("from 'One payment method' to 'Cards only'").contains("Wallet users (4% of checkouts)");
    }

    @Test
    void rejectedChangeLeavesTheCommitmentAsItWasAndAllowsANewRequest() {
        String bet = committedBet();
        Object window = delivery(bet).get("window");
        driver.mutateOk("erin", "requestWindowChange", input("betId", bet, "newWindow", TODAY.plusYears(1).toString(),
                "rationale", "Comfort"));
        Payload second = driver.mutate("priya", "requestWindowChange", input("betId", bet,
                "newWindow", TODAY.plusMonths(5).toString(), "rationale", "Counter-offer"));
        assertThat(second.errorCodes()).containsExactly("CHANGE_PENDING");

        assertThat(driver.sign("priya", bet, "CHANGE", "answer", "REQUEST_CHANGES", "reason", "A year is too long").ok()).isTrue();
        Map<String, Object> after = delivery(bet);
        assertThat(after.get("window")).isEqualTo(window);
        assertThat(latestDecision(after)).containsEntry("kind", "CHANGE_REJECTED");
        assertThat(steps(bet)).containsExactly("task_mark_delivered");
        driver.mutateOk("erin", "requestWindowChange", input("betId", bet, "newWindow", TODAY.plusMonths(2).toString(),
                "rationale", "Two months, then"));
    }

    @Test
    void windowReachedUndeliveredEscalatesToBothLeadsWhoCutScopeAndSetANewWindow() {
        String bet = committedBet(TODAY);
        // the window ends at midnight; make the escalation timer due now instead of waiting for it
        managementService.setJobDuedate(windowTimer(bet).getId(), new Date());
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(bet).contains("task_sign_escalation_product"));
        assertThat(steps(bet)).containsExactlyInAnyOrder("task_sign_escalation_product", "task_sign_escalation_engineering");

        Payload withoutWindow = driver.mutate("priya", "requestScopeChange", input("betId", bet, "newScope", "Cards only",
                "cut", true, "customerHarm", "Wallet users wait", "rationale", "Ship what works"));
        assertThat(withoutWindow.errorCodes()).containsExactly("INVALID_INPUT");
        assertThat(withoutWindow.userErrors().get(0)).containsEntry("field", "newWindow");

        LocalDate newWindow = TODAY.plusWeeks(2);
        driver.mutateOk("priya", "requestScopeChange", input("betId", bet, "newScope", "Cards only", "cut", true,
                "customerHarm", "Wallet users wait", "newWindow", newWindow.toString(), "rationale", "Ship what works"));
        assertThat(steps(bet)).containsExactly("task_sign_escalation_engineering");
        assertThat(driver.sign("erin", bet, "ESCALATION").ok()).isTrue();

        Map<String, Object> after = delivery(bet);
        assertThat(after).containsEntry("stage", "DELIVERY").containsEntry("window", newWindow.toString())
                .containsEntry("scopeSummary", "Cards only");
        assertThat(latestDecision(after)).containsEntry("kind", "SCOPE_CUT").containsEntry("gate", "ESCALATION");
        assertThat((String) latestDecision(after).get("context")).contains("passed undelivered");
        assertThat(steps(bet)).containsExactly("task_mark_delivered");
        assertThat(windowTimer(bet).getDuedate())
                .isEqualTo(Date.from(newWindow.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private String committedBet() {
        return committedBet(TODAY.plusMonths(1));
    }

    /** A bet in delivery, committed to a "One payment method" option with the given window. */
    @SuppressWarnings("unchecked")
    private String committedBet(LocalDate window) {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        driver.mutateOk("erin", "proposeOptions", input("betId", bet, "options", List.of(
                input("label", "Thin", "scopeSummary", "One payment method", "window", window.toString(), "gains", "Soon",
                        "givesUp", "Wallets"),
                input("label", "Deep", "scopeSummary", "All methods", "window", window.plusMonths(2).toString(), "gains", "All",
                        "givesUp", "Time"))));
        String option = (String) ((List<Map<String, Object>>) driver.state(bet).get("options")).get(0).get("id");
        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", option).ok()).isTrue();
        assertThat(driver.sign("erin", bet, "COMMITMENT", "optionId", option).betStage()).isEqualTo("DELIVERY");
        return bet;
    }

    private Job windowTimer(String bet) {
        String instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(GlobalId.find("Bet", bet).orElseThrow().toString()).singleResult().getId();
        return managementService.createJobQuery().processInstanceId(instance).activityId("timer_window_reached").singleResult();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> delivery(String bet) {
        return as("lena").documentName("deliveryState").variable("id", bet).execute().path("bet").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> statusUpdates(String bet) {
        return (List<Map<String, Object>>) delivery(bet).get("statusUpdates");
    }

    @SuppressWarnings("unchecked")
    private List<String> steps(String bet) {
        return ((List<Map<String, Object>>) delivery(bet).get("waitingOn")).stream().map(s -> (String) s.get("step")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> latestDecision(Map<String, Object> state) {
        return (Map<String, Object>) state.get("latestDecision");
    }
}
