package io.tandem.brief;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sign-off approves one exact brief revision: revising the text afterwards takes the approval back. */
class BriefBindingTest extends GraphQlTestBase {

    @Test
    void revisingTheBriefAfterProductSignedFramingReopensProductsSignOff() {
        String bet = framingGateOpen();
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactly("task_sign_framing_engineering");

        assertThat(driver.reviseBrief("priya", bet, "problem", "Checkout abandons at payment and at address entry").ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_sign_framing_product", "task_sign_framing_engineering");

        assertThat(driver.sign("erin", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.stage(bet)).isEqualTo("FRAMING");
        assertThat(driver.sign("priya", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");
    }

    @Test
    void aRevisionWithTheSameTextKeepsTheSignOff() {
        String bet = framingGateOpen();
        assertThat(driver.sign("erin", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.reviseBrief("priya", bet).ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactly("task_sign_framing_product");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDecisionNamesTheBriefRevisionEachSideApproved() {
        String bet = framingGateOpen();
        assertThat(driver.sign("erin", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        Map<String, Object> state = driver.state(bet);
        String briefHash = (String) ((Map<String, Object>) state.get("brief")).get("contentHash");
        List<Map<String, Object>> signers = (List<Map<String, Object>>) ((Map<String, Object>) state.get("latestDecision")).get("signers");
        assertThat(signers).extracting(s -> s.get("briefHash")).containsExactly(briefHash, briefHash);
    }

    @Test
    void revisingTheBriefDuringTheCommitmentGateReopensTheApprovalGivenOnTheOldText() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        String option = driver.proposeTwoOptions(bet).get(0);
        assertThat(driver.sign("erin", bet, "COMMITMENT", "optionId", option).ok()).isTrue();

        assertThat(driver.reviseBrief("priya", bet, "nonGoals", List.of("Redesigning the cart", "New currencies")).ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_sign_commitment_product", "task_sign_commitment_engineering");
        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", option).ok()).isTrue();
        assertThat(driver.sign("erin", bet, "COMMITMENT", "optionId", option).betStage()).isEqualTo("DELIVERY");
    }

    private String framingGateOpen() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        return bet;
    }
}
