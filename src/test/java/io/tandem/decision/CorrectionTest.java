package io.tandem.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

/**
 * A wrong decision-log entry is corrected by a new entry that supersedes it; the wrong one stays as it was. An entry one
 * side signed is corrected at once, by one person; the refusals hold for every entry.
 */
class CorrectionTest extends GraphQlTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void appendsACorrectionThatSupersedesAnEntryOneSideSignedAtOnceAndLeavesItUntouched() {
        String bet = betWithOneSidedEntry();
        Map<String, Object> sentBack = log(bet).get(0);

        Payload payload = driver.mutateOk("erin", "recordCorrection", input("betId", bet, "supersedes", sentBack.get("id"),
                "rationale", "The constraints were signed on the old rate limit; the provider allows 20 rps"));

        assertThat(payload.get("pendingCorrection")).isNull();
        Map<String, Object> correction = payload.get("decision");
        assertThat(correction).containsEntry("sequence", 2).containsEntry("kind", "CORRECTION").containsEntry("gate", null)
                .containsEntry("rationale", "The constraints were signed on the old rate limit; the provider allows 20 rps")
                .containsEntry("context", "Corrects entry 1 (CHANGES_REQUESTED)")
                .containsEntry("supersededBy", null);
        assertThat((Map<String, Object>) correction.get("supersedes"))
                .containsEntry("id", sentBack.get("id")).containsEntry("sequence", 1).containsEntry("kind", "CHANGES_REQUESTED");
        assertThat((List<Map<String, Object>>) correction.get("signers")).singleElement().satisfies(signer ->
                assertThat(signer).containsEntry("userId", "erin").containsEntry("name", "Erin Walsh")
                        .containsEntry("role", "engineering").containsEntry("answer", "APPROVE"));

        List<Map<String, Object>> log = log(bet);
        assertThat(log).hasSize(2);
        Map<String, Object> corrected = log.get(0);
        assertThat(corrected).containsEntry("hash", sentBack.get("hash")).containsEntry("context", sentBack.get("context"))
                .containsEntry("supersedes", null);
        assertThat((Map<String, Object>) corrected.get("supersededBy"))
                .containsEntry("id", correction.get("id")).containsEntry("sequence", 2).containsEntry("kind", "CORRECTION");
        assertThat(driver.stage(bet)).isEqualTo("FRAMING");
        assertThat(verify(bet)).containsEntry("valid", true).containsEntry("entriesChecked", 2);

        // a correction that is itself wrong is corrected the same way (one side signed it, so either side alone)
        Payload second = driver.mutateOk("priya", "recordCorrection", input("betId", bet, "supersedes", correction.get("id"),
                "rationale", "It was 15 rps, not 20"));
        assertThat(second.get("decision")).containsEntry("sequence", 3).containsEntry("context", "Corrects entry 2 (CORRECTION)");
        assertThat((Map<String, Object>) log(bet).get(1).get("supersededBy")).containsEntry("sequence", 3);
        assertThat(verify(bet)).containsEntry("valid", true).containsEntry("entriesChecked", 3);
    }

    @Test
    void refusesAnUnknownEntry() {
        String bet = betWithOneEntry();
        String unknown = GlobalId.of("Decision", UUID.randomUUID());

        refusedWithoutChange(bet, "NOT_FOUND", "supersedes", "erin", input("betId", bet, "supersedes", unknown, "rationale", "Wrong"));
    }

    @Test
    void refusesAnEntryOfAnotherBet() {
        String bet = betWithOneEntry();
        String other = betWithOneEntry();
        Object othersEntry = log(other).get(0).get("id");

        refusedWithoutChange(bet, "NOT_FOUND", "supersedes", "erin", input("betId", bet, "supersedes", othersEntry, "rationale", "Wrong"));
        assertThat(log(other)).hasSize(1);
    }

    @Test
    void refusesAnEmptyRationale() {
        String bet = betWithOneEntry();

        refusedWithoutChange(bet, "INVALID_INPUT", "rationale", "erin",
                input("betId", bet, "supersedes", log(bet).get(0).get("id"), "rationale", "   "));
    }

    @Test
    void refusesSupersedingAnEntryThatIsAlreadySuperseded() {
        String bet = betWithOneSidedEntry();
        Object entry = log(bet).get(0).get("id");
        driver.mutateOk("erin", "recordCorrection", input("betId", bet, "supersedes", entry, "rationale", "First fix"));

        refusedWithoutChange(bet, "INVALID_INPUT", "supersedes", "priya",
                input("betId", bet, "supersedes", entry, "rationale", "Second fix of the same entry"));
    }

    @Test
    void onlyTheNamedLeadCorrectsForTheirSide() {
        String bet = driver.createBet("priya", "productLead", "paul");
        driver.completeFramingWork(bet);
        assertThat(driver.sign("erin", bet, "FRAMING", "answer", "REQUEST_CHANGES", "reason", "Rate limit unclear").ok()).isTrue();
        Object entry = log(bet).get(0).get("id");

        refusedWithoutChange(bet, "NOT_THE_LEAD", "betId", "priya", input("betId", bet, "supersedes", entry, "rationale", "Wrong"));

        Payload byLead = driver.mutateOk("paul", "recordCorrection", input("betId", bet, "supersedes", entry, "rationale", "Wrong"));
        assertThat(byLead.get("decision")).containsEntry("kind", "CORRECTION");
    }

    @Test
    @SuppressWarnings("unchecked")
    void someoneHoldingBothRolesSaysWhichSideTheySignFor() {
        String bet = betWithOneSidedEntry();
        Object entry = log(bet).get(0).get("id");

        refusedWithoutChange(bet, "INVALID_INPUT", "signAs", "sam", input("betId", bet, "supersedes", entry, "rationale", "Wrong"));

        Payload signed = driver.mutateOk("sam", "recordCorrection",
                input("betId", bet, "supersedes", entry, "rationale", "Wrong", "signAs", "PRODUCT"));
        assertThat((List<Map<String, Object>>) signed.get("decision").get("signers")).singleElement()
                .satisfies(signer -> assertThat(signer).containsEntry("userId", "sam").containsEntry("role", "product"));
    }

    @Test
    void leadershipCannotCorrectTheLog() {
        String bet = betWithOneEntry();
        Map<String, Object> before = driver.state(bet);

        List<ResponseError> errors = new ArrayList<>();
        as("lena").documentName("recordCorrection")
                .variable("input", input("betId", bet, "supersedes", log(bet).get(0).get("id"), "rationale", "Wrong"))
                .execute().errors().satisfy(errors::addAll);

        assertThat(errors).singleElement().satisfies(error ->
                assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN"));
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    private void refusedWithoutChange(String bet, String code, String field, String user, Map<String, Object> input) {
        Map<String, Object> before = driver.state(bet);
        List<Map<String, Object>> logBefore = log(bet);

        Payload payload = driver.mutate(user, "recordCorrection", input);

        assertThat(payload.userErrors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("code", code).containsEntry("field", field);
            assertThat((String) error.get("message")).isNotBlank();
        });
        assertThat(payload.get("decision")).isNull();
        assertThat(payload.get("pendingCorrection")).isNull();
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(log(bet)).isEqualTo(logBefore);
    }

    /**
     * A bet whose log holds one entry that one side signed: erin sent the framing gate back (CHANGES_REQUESTED), before
     * product signed. Entries both sides signed are corrected through the CORRECTION gate (CorrectionGateTest).
     */
    private String betWithOneSidedEntry() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        assertThat(driver.sign("erin", bet, "FRAMING", "answer", "REQUEST_CHANGES", "reason", "Rate limit unclear").ok()).isTrue();
        return bet;
    }

    /** A bet whose log holds one entry: the framing gate, signed by priya and erin. */
    private String betWithOneEntry() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        return bet;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> log(String bet) {
        Map<String, Object> decisions = as("lena").documentName("decisionLog").variable("id", bet).execute()
                .path("bet.decisions").entity(Map.class).get();
        return (List<Map<String, Object>>) decisions.get("nodes");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify(String bet) {
        return as("lena").document("query($id: ID!) { verifyDecisionLog(betId: $id) { valid entriesChecked } }")
                .variable("id", bet).execute().path("verifyDecisionLog").entity(Map.class).get();
    }
}
