package io.tandem.brief;

import static io.tandem.support.TaskKeys.ENGINEERING_COMMITMENT;
import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_COMMITMENT;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sign-off approves one exact brief revision: revising the text afterwards takes the approval back. */
class BriefBindingTest extends GraphQlTestBase {

    @Test
    void revisingTheBriefAfterProductSignedFramingReopensProductsSignOff() {
        String bet = driver.framingGateOpen();
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_FRAMING);

        assertThat(driver.reviseBrief("priya", bet, "problem", "Checkout abandons at payment and at address entry").ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(PRODUCT_FRAMING, ENGINEERING_FRAMING);

        assertThat(driver.sign("erin", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.stage(bet)).isEqualTo("FRAMING");
        assertThat(driver.sign("priya", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");
    }

    @Test
    void aRevisionWithTheSameTextKeepsTheSignOff() {
        String bet = driver.framingGateOpen();
        assertThat(driver.sign("erin", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.reviseBrief("priya", bet).ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactly(PRODUCT_FRAMING);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDecisionNamesTheBriefRevisionEachSideApproved() {
        String bet = driver.framingGateOpen();
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
        String option = driver.commitmentGateOpen(bet);
        assertThat(driver.sign("erin", bet, "COMMITMENT", "optionId", option).ok()).isTrue();

        assertThat(driver.reviseBrief("priya", bet, "nonGoals", List.of("Redesigning the cart", "New currencies")).ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder(PRODUCT_COMMITMENT, ENGINEERING_COMMITMENT);
        assertThat(driver.sign("priya", bet, "COMMITMENT", "optionId", option).ok()).isTrue();
        assertThat(driver.sign("erin", bet, "COMMITMENT", "optionId", option).betStage()).isEqualTo("DELIVERY");
    }
}
