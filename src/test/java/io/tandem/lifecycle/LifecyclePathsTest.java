package io.tandem.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's other paths through HTTP GraphQL: spikes and their verdicts, kills agreed and
 * rejected, changes requested at each kind of gate, and one person holding both roles.
 */
class LifecyclePathsTest extends GraphQlTestBase {

    private static final List<String> FRAMING_WORK = List.of("task_write_brief", "task_map_constraints");
    private static final List<String> SPIKE_SIGN_TASKS = List.of("task_sign_spike_product", "task_sign_spike_engineering");
    private static final List<String> FRAMING_SIGN_TASKS = List.of("task_sign_framing_product", "task_sign_framing_engineering");

    @Test
    void spikeVerdictReframeSendsTheBetBackToFramingWork() {
        String bet = spikeBet("P5D");
        driver.passFraming(bet);
        assertThat(driver.stage(bet)).isEqualTo("SPIKE");
        assertThat(driver.waitingOn(bet)).containsExactly("task_record_findings");

        driver.mutateOk("erin", "recordSpikeFindings", input("betId", bet, "findings", "3DS adds a redirect we cannot skip"));
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrderElementsOf(SPIKE_SIGN_TASKS);
        assertThat(driver.sign("priya", bet, "SPIKE", "spikeVerdict", "REFRAME").ok()).isTrue();
        assertThat(driver.sign("erin", bet, "SPIKE", "spikeVerdict", "REFRAME").betStage()).isEqualTo("FRAMING");

        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrderElementsOf(FRAMING_WORK);
        assertThat(driver.decisionKinds(bet)).containsExactly("FRAMING_APPROVED", "SPIKE_VERDICT");
        Map<String, Object> verdict = lastDecision(bet);
        assertThat(verdict).containsEntry("gate", "SPIKE").containsEntry("chosenOption", "REFRAME");
        assertThat((String) verdict.get("context")).contains("3DS adds a redirect we cannot skip");
        assertThat(signers(verdict)).containsExactly("priya:product:APPROVE", "erin:engineering:APPROVE");
    }

    @Test
    void spikeVerdictKillClosesTheBetAsKilled() {
        String bet = spikeBet("P5D");
        driver.passFraming(bet);
        driver.mutateOk("erin", "recordSpikeFindings", input("betId", bet, "findings", "The provider has no 3DS API"));
        assertThat(driver.sign("erin", bet, "SPIKE", "spikeVerdict", "KILL").ok()).isTrue();
        assertThat(driver.sign("priya", bet, "SPIKE", "spikeVerdict", "KILL").bet())
                .containsEntry("stage", "CLOSED").containsEntry("outcome", "KILLED");

        Map<String, Object> state = driver.state(bet);
        assertThat(state).containsEntry("stage", "CLOSED").containsEntry("outcome", "KILLED");
        assertThat(state.get("closedAt")).isNotNull();
        assertThat(driver.waitingOn(bet)).isEmpty();
        assertThat(driver.decisionKinds(bet)).containsExactly("FRAMING_APPROVED", "SPIKE_VERDICT");
        assertThat(lastDecision(bet)).containsEntry("chosenOption", "KILL");
    }

    @Test
    void spikeTimeboxElapsingOpensTheVerdictGateWithoutFindings() {
        String bet = spikeBet("PT1S");
        driver.passFraming(bet);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> driver.waitingOn(bet).containsAll(SPIKE_SIGN_TASKS));
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrderElementsOf(SPIKE_SIGN_TASKS);
        assertThat(driver.state(bet)).containsEntry("stage", "SPIKE").containsEntry("spikeFindings", null);

        assertThat(driver.sign("priya", bet, "SPIKE", "spikeVerdict", "PROCEED").ok()).isTrue();
        assertThat(driver.sign("erin", bet, "SPIKE", "spikeVerdict", "PROCEED").betStage()).isEqualTo("COMMITMENT");
        Map<String, Object> verdict = lastDecision(bet);
        assertThat(verdict).containsEntry("kind", "SPIKE_VERDICT").containsEntry("chosenOption", "PROCEED");
        assertThat((String) verdict.get("context")).contains("none recorded before the timebox ended");
    }

    @Test
    void killProposedDuringDeliveryAndSignedByProductClosesTheBetAsKilled() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        assertThat(driver.waitingOn(bet)).containsExactly("task_mark_delivered");

        Payload proposed = driver.mutateOk("erin", "proposeKill", input("betId", bet, "rationale", "The provider is sunsetting the API"));
        assertThat(proposed.betStage()).isEqualTo("DELIVERY");
        assertThat(waitingSteps(bet)).contains(step("task_sign_kill_product", "PRODUCT", "KILL"))
                .noneMatch(s -> s.get("step").equals("task_sign_kill_engineering"));
        assertThat(driver.waitingOn(bet)).contains("task_mark_delivered");

        assertThat(driver.sign("priya", bet, "KILL").bet()).containsEntry("stage", "CLOSED").containsEntry("outcome", "KILLED");
        assertThat(driver.waitingOn(bet)).isEmpty();
        Map<String, Object> killed = lastDecision(bet);
        assertThat(killed).containsEntry("kind", "KILLED").containsEntry("gate", "KILL");
        assertThat((String) killed.get("context")).contains("DELIVERY");
        assertThat((String) killed.get("rationale")).contains("The provider is sunsetting the API");
        assertThat(signers(killed)).containsExactly("erin:engineering:APPROVE", "priya:product:APPROVE");
    }

    @Test
    void killProposalRejectedByTheOtherSideLeavesTheBetInItsStage() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        assertThat(driver.waitingOn(bet)).containsExactly("task_propose_options");

        driver.mutateOk("priya", "proposeKill", input("betId", bet, "rationale", "A competitor shipped this already"));
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_propose_options", "task_sign_kill_engineering");
        Payload rejected = driver.sign("erin", bet, "KILL", "answer", "REQUEST_CHANGES",
                "reason", "Their version lacks wallets; ours still differs");
        assertThat(rejected.ok()).isTrue();
        assertThat(rejected.bet()).containsEntry("stage", "COMMITMENT").containsEntry("outcome", null);

        assertThat(driver.waitingOn(bet)).containsExactly("task_propose_options");
        Map<String, Object> decision = lastDecision(bet);
        assertThat(decision).containsEntry("kind", "KILL_REJECTED").containsEntry("gate", "KILL")
                .containsEntry("rationale", "Their version lacks wallets; ours still differs");
        assertThat(signers(decision)).containsExactly("priya:product:APPROVE", "erin:engineering:REQUEST_CHANGES");

        assertThat(driver.mutate("priya", "proposeKill", input("betId", bet, "rationale", "Wallet usage is tiny")).ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_propose_options", "task_sign_kill_engineering");
    }

    @Test
    void changesRequestedAtFramingReopenFramingWorkAndTheNextRoundIsSignedAfresh() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        Payload changes = driver.sign("erin", bet, "FRAMING", "answer", "REQUEST_CHANGES",
                "reason", "Name the card networks in scope");
        assertThat(changes.betStage()).isEqualTo("FRAMING");

        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrderElementsOf(FRAMING_WORK);
        Map<String, Object> requested = lastDecision(bet);
        assertThat(requested).containsEntry("kind", "CHANGES_REQUESTED").containsEntry("gate", "FRAMING")
                .containsEntry("rationale", "Name the card networks in scope");
        assertThat(signers(requested)).containsExactly("priya:product:APPROVE", "erin:engineering:REQUEST_CHANGES");

        assertThat(driver.reviseBrief("priya", bet, "problem", "Checkout abandons at the Visa and Mastercard payment step")
                .userErrors()).isEmpty();
        driver.mutateOk("priya", "submitBrief", input("betId", bet));
        driver.mutateOk("erin", "submitConstraints", input("betId", bet));
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrderElementsOf(FRAMING_SIGN_TASKS);

        // priya's first-round approval does not carry over: erin's approval alone leaves product's side open
        assertThat(driver.sign("erin", bet, "FRAMING").betStage()).isEqualTo("FRAMING");
        assertThat(driver.waitingOn(bet)).containsExactly("task_sign_framing_product");
        assertThat(driver.sign("priya", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");

        assertThat(driver.decisionKinds(bet)).containsExactly("CHANGES_REQUESTED", "FRAMING_APPROVED");
        assertThat(signers(lastDecision(bet))).containsExactly("erin:engineering:APPROVE", "priya:product:APPROVE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void changesRequestedAtCommitmentReopenOptionsAndTheNewProposalReplacesThem() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        String oldOption = driver.proposeTwoOptions(bet).get(0);
        Payload changes = driver.sign("priya", bet, "COMMITMENT", "answer", "REQUEST_CHANGES",
                "reason", "Both options miss the holiday season");
        assertThat(changes.betStage()).isEqualTo("COMMITMENT");
        assertThat(driver.waitingOn(bet)).containsExactly("task_propose_options");
        assertThat(lastDecision(bet)).containsEntry("kind", "CHANGES_REQUESTED").containsEntry("gate", "COMMITMENT")
                .containsEntry("rationale", "Both options miss the holiday season");

        driver.mutateOk("erin", "proposeOptions", input("betId", bet, "options", List.of(
                option("Cards before December", 20), option("Cards and wallets before December", 40))));
        List<Map<String, Object>> options = (List<Map<String, Object>>) driver.state(bet).get("options");
        assertThat(options).extracting(o -> o.get("label"))
                .containsExactly("Cards before December", "Cards and wallets before December");
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_sign_commitment_product", "task_sign_commitment_engineering");

        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", oldOption).errorCodes()).containsExactly("UNKNOWN_OPTION");
        String newOption = (String) options.get(1).get("id");
        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", newOption).ok()).isTrue();
        assertThat(driver.sign("erin", bet, "COMMITMENT", "optionId", newOption).betStage()).isEqualTo("DELIVERY");
        assertThat(lastDecision(bet)).containsEntry("kind", "COMMITMENT").containsEntry("chosenOption", newOption);
    }

    @Test
    void deliveryConfirmationWithRequestChangesSendsTheBetBackToEngineering() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        driver.mutateOk("erin", "markDelivered", input("betId", bet, "note", "Live for all shops"));
        assertThat(driver.waitingOn(bet)).containsExactly("task_confirm_delivery");

        Payload changes = driver.mutateOk("priya", "confirmDelivery", input("betId", bet, "answer", "REQUEST_CHANGES",
                "reason", "Refunds still go through the old flow"));
        assertThat(changes.betStage()).isEqualTo("DELIVERY");
        assertThat(waitingSteps(bet)).containsExactly(step("task_mark_delivered", "ENGINEERING", "DELIVERY"));
        Map<String, Object> decision = lastDecision(bet);
        assertThat(decision).containsEntry("kind", "CHANGES_REQUESTED").containsEntry("gate", "DELIVERY")
                .containsEntry("rationale", "Refunds still go through the old flow");
        assertThat(signers(decision)).containsExactly("erin:engineering:APPROVE", "priya:product:REQUEST_CHANGES");

        driver.mutateOk("erin", "markDelivered", input("betId", bet, "note", "Refunds moved too"));
        assertThat(driver.mutateOk("priya", "confirmDelivery", input("betId", bet)).betStage()).isEqualTo("MEASURING");
    }

    @Test
    void personHoldingBothRolesCountsOnceAtAGate() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        assertThat(driver.sign("sam", bet, "FRAMING", "signAs", "PRODUCT").ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactly("task_sign_framing_engineering");

        assertThat(driver.sign("sam", bet, "FRAMING", "signAs", "ENGINEERING").errorCodes()).containsExactly("SAME_PERSON");
        assertThat(driver.waitingOn(bet)).containsExactly("task_sign_framing_engineering");

        assertThat(driver.sign("erin", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");
        Map<String, Object> approved = lastDecision(bet);
        assertThat(approved).containsEntry("kind", "FRAMING_APPROVED");
        assertThat(signers(approved)).containsExactly("sam:product:APPROVE", "erin:engineering:APPROVE");
    }

    /** A HIGH-uncertainty bet opened by priya, with the given spike timebox. */
    private String spikeBet(String timebox) {
        return driver.createBet("priya", "uncertainty", "HIGH",
                "spikeQuestion", "Can the provider do 3DS without a redirect?", "spikeTimebox", timebox);
    }

    private static Map<String, Object> option(String label, int weeks) {
        return input("label", label, "scopeSummary", label, "window", LocalDate.now().plusWeeks(weeks).toString(),
                "gains", "Ships before the peak", "givesUp", "Less polish");
    }

    private static Map<String, Object> step(String step, String role, String gate) {
        return input("step", step, "role", role, "gate", gate);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> waitingSteps(String bet) {
        return (List<Map<String, Object>>) driver.state(bet).get("waitingOn");
    }

    /** The newest decision-log entry with its context, rationale and signers. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> lastDecision(String bet) {
        Map<String, Object> decisions = as("lena").documentName("betDecisions").variable("id", bet).execute()
                .path("bet.decisions").entity(Map.class).get();
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) decisions.get("nodes");
        assertThat(nodes).as("decision log of " + bet).isNotEmpty();
        return nodes.get(nodes.size() - 1);
    }

    /** Each signer as userId:role:answer, in signing order. */
    @SuppressWarnings("unchecked")
    private static List<String> signers(Map<String, Object> decision) {
        return ((List<Map<String, Object>>) decision.get("signers")).stream()
                .map(s -> s.get("userId") + ":" + s.get("role") + ":" + s.get("answer")).toList();
    }
}
