package io.tandem.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.support.BetRows;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import io.tandem.support.WebAppSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A correction of an entry both sides signed needs both sides: it waits at the CORRECTION gate with the proposer's side
 * signed, supersedes nothing until the other side approves (then the CORRECTION entry carries both signers), and when
 * turned down leaves a CORRECTION_REJECTED entry and supersedes nothing. Two different people, the right role, the
 * named lead: as at every gate, through GraphQL and Tasklist alike; the log verifies after every step.
 */
class CorrectionGateTest extends GraphQlTestBase {

    private static final String PRODUCT_SIDE = "task_sign_correction_product";
    private static final String ENGINEERING_SIDE = "task_sign_correction_engineering";
    private static final String RATIONALE = "The constraints were signed on the old rate limit; the provider allows 20 rps";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ProcessEngine processEngine;

    @BeforeEach
    void webAppsFindThisEngine() {
        WebAppSession.registerForTheWebApps(processEngine);
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneSideAloneSupersedesNothingAndTheOtherSidesApprovalSupersedesTheEntryWithBothSigners() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        Map<String, Object> framing = entries(bet).get(0);

        Payload proposed = driver.mutateOk("erin", "recordCorrection",
                input("betId", bet, "supersedes", framing.get("id"), "rationale", RATIONALE));

        assertThat(proposed.get("decision")).as("nothing is recorded by one side").isNull();
        Map<String, Object> pending = proposed.get("pendingCorrection");
        assertThat(pending).containsEntry("rationale", RATIONALE).containsEntry("proposedBy", "erin")
                .containsEntry("proposerName", "Erin Walsh").containsEntry("side", "ENGINEERING");
        assertThat((Map<String, Object>) pending.get("supersedes")).containsEntry("id", framing.get("id"))
                .containsEntry("sequence", 1).containsEntry("kind", "FRAMING_APPROVED");
        assertThat(entries(bet)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("hash", framing.get("hash")).containsEntry("supersededBy", null));
        assertThat(view(bet).get("pendingCorrection")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("id", pending.get("id")).containsEntry("rationale", RATIONALE).containsEntry("side", "ENGINEERING");
        assertThat(driver.waitingOn(bet)).contains(PRODUCT_SIDE, "task_propose_options").doesNotContain(ENGINEERING_SIDE);
        assertThat(driver.inboxSteps("priya", bet)).contains(PRODUCT_SIDE);
        assertValid(bet, 1);

        // constraints never hold a correction: product approves with a BLOCKING one unacknowledged
        driver.addConstraint("erin", bet, "Card data stays in the EU", "BLOCKING");
        Payload approved = driver.sign("priya", bet, "CORRECTION", "reason", "Agreed, 20 rps");

        assertThat(approved.userErrors()).isEmpty();
        assertThat(approved.bet()).containsEntry("stage", "COMMITMENT");
        List<Map<String, Object>> log = entries(bet);
        assertThat(log).hasSize(2);
        Map<String, Object> correction = log.get(1);
        assertThat(correction).containsEntry("kind", "CORRECTION").containsEntry("gate", "CORRECTION")
                .containsEntry("context", "Corrects entry 1 (FRAMING_APPROVED)")
                .containsEntry("rationale", RATIONALE + "\nproduct: Agreed, 20 rps")
                .containsEntry("chosenOption", pending.get("id"))
                .containsEntry("supersedes", Map.of("id", framing.get("id")));
        assertThat((List<Map<String, Object>>) correction.get("signers")).extracting(s -> s.get("userId") + "/" + s.get("role")
                + "/" + s.get("answer")).containsExactly("erin/engineering/APPROVE", "priya/product/APPROVE");
        assertThat(log.get(0)).containsEntry("hash", framing.get("hash"))
                .containsEntry("supersededBy", Map.of("id", correction.get("id"), "sequence", 2, "kind", "CORRECTION"));
        assertThat(view(bet).get("pendingCorrection")).isNull();
        assertThat(driver.waitingOn(bet)).doesNotContain(PRODUCT_SIDE, ENGINEERING_SIDE);
        assertValid(bet, 2);

        // superseded now: it is corrected no more, and the correction both signed is itself corrected by both
        assertThat(driver.mutate("priya", "recordCorrection", input("betId", bet, "supersedes", framing.get("id"),
                "rationale", "Again")).errorCodes()).containsExactly("INVALID_INPUT");
        Payload again = driver.mutateOk("priya", "recordCorrection", input("betId", bet, "supersedes", correction.get("id"),
                "rationale", "It was 15 rps, not 20"));
        assertThat(again.get("decision")).isNull();
        assertThat(again.get("pendingCorrection")).containsEntry("side", "PRODUCT");
        assertThat(driver.waitingOn(bet)).contains(ENGINEERING_SIDE).doesNotContain(PRODUCT_SIDE);
        assertValid(bet, 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void turningACorrectionDownLogsTheRejectionAndSupersedesNothing() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        Object framing = entries(bet).get(0).get("id");
        Map<String, Object> pending = driver.mutateOk("priya", "recordCorrection",
                input("betId", bet, "supersedes", framing, "rationale", RATIONALE)).get("pendingCorrection");
        Map<String, Object> before = driver.state(bet);
        Map<String, Long> rows = BetRows.of(jdbc, bet);

        Payload withoutReason = driver.sign("erin", bet, "CORRECTION", "answer", "REQUEST_CHANGES");

        assertThat(withoutReason.userErrors()).singleElement().satisfies(error ->
                assertThat(error).containsEntry("code", "INVALID_INPUT").containsEntry("field", "reason"));
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(BetRows.of(jdbc, bet)).isEqualTo(rows);

        Payload turnedDown = driver.sign("erin", bet, "CORRECTION", "answer", "REQUEST_CHANGES",
                "reason", "The limit we signed was the right one");

        assertThat(turnedDown.userErrors()).isEmpty();
        List<Map<String, Object>> log = entries(bet);
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).containsEntry("supersededBy", null);
        assertThat(log.get(1)).containsEntry("kind", "CORRECTION_REJECTED").containsEntry("gate", "CORRECTION")
                .containsEntry("supersedes", null).containsEntry("chosenOption", pending.get("id"))
                .containsEntry("rationale", "The limit we signed was the right one")
                .containsEntry("context", "engineering turned down product's correction of entry 1 (FRAMING_APPROVED): "
                        + RATIONALE);
        assertThat((List<Map<String, Object>>) log.get(1).get("signers")).extracting(s -> s.get("userId") + "/" + s.get("answer"))
                .containsExactly("priya/APPROVE", "erin/REQUEST_CHANGES");
        assertThat(view(bet).get("pendingCorrection")).isNull();
        assertThat(driver.waitingOn(bet)).doesNotContain(PRODUCT_SIDE, ENGINEERING_SIDE);
        assertThat(driver.stage(bet)).isEqualTo("COMMITMENT");
        assertValid(bet, 2);

        // turned down, the entry may be corrected again
        assertThat(driver.mutate("erin", "recordCorrection", input("betId", bet, "supersedes", framing,
                "rationale", "Worded better")).ok()).isTrue();
        assertValid(bet, 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void samHoldsBothRolesAndStillCountsOnceAtTheCorrectionGate() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        Object framing = entries(bet).get(0).get("id");
        driver.mutateOk("sam", "recordCorrection",
                input("betId", bet, "supersedes", framing, "rationale", RATIONALE, "signAs", "PRODUCT"));
        Map<String, Object> before = driver.state(bet);
        Map<String, Long> rows = BetRows.of(jdbc, bet);

        Payload refused = driver.sign("sam", bet, "CORRECTION", "signAs", "ENGINEERING");

        assertThat(refused.userErrors()).singleElement().satisfies(error ->
                assertThat(error).containsEntry("code", "SAME_PERSON").containsEntry("field", "betId"));
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(BetRows.of(jdbc, bet)).isEqualTo(rows);
        assertThat(entries(bet)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("supersededBy", null));
        assertValid(bet, 1);

        assertThat(driver.sign("erin", bet, "CORRECTION").userErrors()).isEmpty();
        assertThat((List<Map<String, Object>>) entries(bet).get(1).get("signers"))
                .extracting(s -> s.get("userId") + "/" + s.get("role")).containsExactly("sam/product", "erin/engineering");
        assertValid(bet, 2);
    }

    @Test
    void theWrongPeopleAreRefusedAndARefusalWritesNothing() {
        String bet = driver.createBet("priya", "productLead", "paul");
        driver.completeFramingWork(bet);
        assertThat(driver.sign("paul", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("erin", bet, "FRAMING").ok()).isTrue();
        Object framing = entries(bet).get(0).get("id");

        // not the named lead, proposing: refused at the gate with nothing written
        refusedWithoutChange(bet, "NOT_THE_LEAD", "betId", () -> driver.mutate("priya", "recordCorrection",
                input("betId", bet, "supersedes", framing, "rationale", RATIONALE)));

        driver.mutateOk("erin", "recordCorrection", input("betId", bet, "supersedes", framing, "rationale", RATIONALE));

        refusedWithoutChange(bet, "WRONG_ROLE", "signAs", () -> driver.sign("ethan", bet, "CORRECTION", "signAs", "PRODUCT"));
        refusedWithoutChange(bet, "NOT_THE_LEAD", "betId", () -> driver.sign("priya", bet, "CORRECTION"));
        refusedWithoutChange(bet, "WRONG_STAGE", "betId", () -> driver.sign("ethan", bet, "CORRECTION"));
        refusedWithoutChange(bet, "CORRECTION_PENDING", "supersedes", () -> driver.mutate("paul", "recordCorrection",
                input("betId", bet, "supersedes", framing, "rationale", "Another fix")));
        // leadership signs only its own asks' OPTIONS gates
        refusedWithoutChange(bet, "WRONG_ROLE", "signAs", () -> driver.sign("lena", bet, "CORRECTION"));
        assertValid(bet, 1);

        assertThat(driver.sign("paul", bet, "CORRECTION").userErrors()).isEmpty();
        assertThat(entries(bet).get(0)).extractingByKey("supersededBy").isNotNull();
        assertValid(bet, 2);
    }

    @Test
    void anEntryOnlyOneSideSignedIsStillCorrectedAtOnce() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        assertThat(driver.sign("priya", bet, "FRAMING", "answer", "REQUEST_CHANGES", "reason", "Segment too broad").ok()).isTrue();
        Object sentBack = entries(bet).get(0).get("id");

        Payload corrected = driver.mutateOk("erin", "recordCorrection",
                input("betId", bet, "supersedes", sentBack, "rationale", "The segment was right"));

        assertThat(corrected.get("pendingCorrection")).isNull();
        assertThat(corrected.get("decision")).containsEntry("kind", "CORRECTION").containsEntry("gate", null);
        assertThat(driver.waitingOn(bet)).doesNotContain(PRODUCT_SIDE, ENGINEERING_SIDE);
        assertValid(bet, 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClosedBetsEntriesAreCorrectedThroughTheGateOfAProcessOfTheirOwn() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        Object framing = entries(bet).get(0).get("id");
        driver.mutateOk("erin", "recordCorrection", input("betId", bet, "supersedes", framing, "rationale", RATIONALE));
        driver.mutateOk("priya", "proposeKill", input("betId", bet, "rationale", "The provider changed its terms"));

        // killing the bet by agreement ends its workflow, and the correction that waited with it: nothing superseded
        assertThat(driver.sign("erin", bet, "KILL").bet()).containsEntry("stage", "CLOSED").containsEntry("outcome", "KILLED");
        assertThat(view(bet).get("pendingCorrection")).isNull();
        assertThat(driver.waitingOn(bet)).isEmpty();
        assertThat(entries(bet)).extracting(e -> e.get("kind")).containsExactly("FRAMING_APPROVED", "KILLED");
        assertThat(entries(bet).get(0)).containsEntry("supersededBy", null);
        Object killed = entries(bet).get(1).get("id");
        assertValid(bet, 2);

        Payload proposed = driver.mutateOk("priya", "recordCorrection",
                input("betId", bet, "supersedes", killed, "rationale", "Killed for the provider's terms, not its price"));

        assertThat(proposed.get("pendingCorrection")).containsEntry("side", "PRODUCT");
        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_SIDE);
        refusedWithoutChange(bet, "CORRECTION_PENDING", "supersedes", () -> driver.mutate("erin", "recordCorrection",
                input("betId", bet, "supersedes", framing, "rationale", RATIONALE)));
        assertValid(bet, 2);

        assertThat(driver.sign("erin", bet, "CORRECTION").bet()).containsEntry("stage", "CLOSED");
        List<Map<String, Object>> log = entries(bet);
        assertThat(log.get(2)).containsEntry("kind", "CORRECTION").containsEntry("supersedes", Map.of("id", killed));
        assertThat((List<Map<String, Object>>) log.get(2).get("signers")).extracting(s -> s.get("userId"))
                .containsExactly("priya", "erin");
        assertThat(driver.waitingOn(bet)).isEmpty();
        assertThat(driver.state(bet)).containsEntry("outcome", "KILLED");
        assertValid(bet, 3);

        // the next correction of the closed bet starts its own process again
        driver.mutateOk("erin", "recordCorrection", input("betId", bet, "supersedes", framing, "rationale", RATIONALE));
        assertThat(driver.waitingOn(bet)).containsExactly(PRODUCT_SIDE);
    }

    @Test
    void tasklistShowsTheEntryAndTheCorrectionAndItsDoorMeetsTheSameRules() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        Object framing = entries(bet).get(0).get("id");
        driver.mutateOk("sam", "recordCorrection",
                input("betId", bet, "supersedes", framing, "rationale", RATIONALE, "signAs", "PRODUCT"));
        String task = engineTask(bet, ENGINEERING_SIDE).getId();

        JsonNode form = WebAppSession.read(WebAppSession.demoLogin(port, "erin", "tasklist").get(formPath(task)).body());

        assertThat(form.path("name").asText()).contains("Sign correction (engineering)");
        assertThat(form.path("description").asText()).contains("signGate CORRECTION");
        assertThat(headings(form)).containsExactly("Entry to correct", "Proposed correction", "Signed so far");
        assertThat(item(form, "Entry to correct", "Entry")).isEqualTo("1 (FRAMING_APPROVED, FRAMING)");
        assertThat(item(form, "Entry to correct", "Context")).startsWith("Framing signed on brief revision 1");
        assertThat(item(form, "Entry to correct", "Signed by (product)")).isEqualTo("Priya Patel — APPROVE");
        assertThat(item(form, "Entry to correct", "Signed by (engineering)")).isEqualTo("Erin Walsh — APPROVE");
        assertThat(item(form, "Proposed correction", "What was wrong and what is right")).isEqualTo(RATIONALE);
        assertThat(item(form, "Proposed correction", "Proposed by")).isEqualTo("Sam Rivera (product)");
        assertThat(item(form, "Signed so far", "product: Sam Rivera")).startsWith("approved");
        assertThat(form.path("inputs").path("answer").asBoolean()).isTrue();
        assertThat(form.path("inputs").path("reason").asBoolean()).isTrue();
        assertThat(form.path("inputs").path("choice").isNull()).as("a correction's approval chooses nothing").isTrue();

        // sam, who proposed for product, cannot answer for engineering in Tasklist either
        WebAppSession sam = WebAppSession.demoLogin(port, "sam", "tasklist");
        assertThat(sam.engine("POST", "/task/" + task + "/claim", "{\"userId\": \"sam\"}").statusCode()).isEqualTo(204);
        Map<String, Object> before = driver.state(bet);
        HttpResponse<String> refused = sam.engine("POST", "/task/" + task + "/submit-form",
                "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(WebAppSession.read(refused.body()).path("message").asText()).contains("SAME_PERSON");
        assertThat(driver.state(bet)).isEqualTo(before);
        assertValid(bet, 1);
        assertThat(sam.engine("POST", "/task/" + task + "/unclaim", null).statusCode()).isEqualTo(204);

        WebAppSession erin = WebAppSession.demoLogin(port, "erin", "tasklist");
        assertThat(erin.engine("POST", "/task/" + task + "/claim", "{\"userId\": \"erin\"}").statusCode()).isEqualTo(204);
        assertThat(erin.engine("POST", "/task/" + task + "/submit-form",
                "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}}}").statusCode()).isEqualTo(204);

        assertThat(entries(bet)).extracting(e -> e.get("kind")).containsExactly("FRAMING_APPROVED", "CORRECTION");
        assertThat(entries(bet).get(0)).extractingByKey("supersededBy").isNotNull();
        assertValid(bet, 2);
    }

    // --- helpers -------------------------------------------------------------------------------

    private void refusedWithoutChange(String bet, String code, String field, java.util.function.Supplier<Payload> attempt) {
        Map<String, Object> before = driver.state(bet);
        Map<String, Object> viewBefore = view(bet);
        Map<String, Long> rows = BetRows.of(jdbc, bet);

        Payload payload = attempt.get();

        assertThat(payload.userErrors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("code", code).containsEntry("field", field);
            assertThat((String) error.get("message")).isNotBlank();
        });
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(view(bet)).isEqualTo(viewBefore);
        assertThat(BetRows.of(jdbc, bet)).isEqualTo(rows);
    }

    /** The bet's log, its pending correction and what it waits on, as leadership reads them. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> view(String bet) {
        return as("lena").documentName("betCorrection").variable("id", bet).execute().path("bet").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String bet) {
        return (List<Map<String, Object>>) ((Map<String, Object>) view(bet).get("decisions")).get("nodes");
    }

    @SuppressWarnings("unchecked")
    private void assertValid(String bet, int entries) {
        Map<String, Object> verification = as("lena").documentName("betCorrection").variable("id", bet).execute()
                .path("verifyDecisionLog").entity(Map.class).get();
        assertThat(verification).containsEntry("valid", true).containsEntry("entriesChecked", entries);
    }

    private static String formPath(String task) {
        return "/camunda/tandem/tasks/" + task + "/form";
    }

    private static List<String> headings(JsonNode form) {
        return StreamSupport.stream(form.path("sections").spliterator(), false).map(s -> s.path("heading").asText()).toList();
    }

    private static String item(JsonNode form, String heading, String label) {
        JsonNode section = StreamSupport.stream(form.path("sections").spliterator(), false)
                .filter(s -> s.path("heading").asText().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + heading + " in " + form));
        return StreamSupport.stream(section.path("items").spliterator(), false)
                .filter(i -> i.path("label").asText().equals(label)).map(i -> i.path("text").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + label + " under " + heading + " in " + form));
    }
}
