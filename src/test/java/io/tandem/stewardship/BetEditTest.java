package io.tandem.stewardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** updateBet over GraphQL: who may edit a bet, what may change when, and the BET_EDITED entry it leaves. */
class BetEditTest extends GraphQlTestBase {

    @Test
    void aLeadEditsTitleAndTeamAndTheLogKeepsTheOldAndNewValues() {
        String bet = driver.createBet("priya", "title", "Faster checkout", "productLead", "paul", "engineeringLead", "ethan");

        Payload edited = driver.mutateOk("ethan", "updateBet", input("betId", bet, "title", "One-page checkout",
                "team", "Payments", "reason", "The scope is one page"));

        assertThat(edited.bet()).containsEntry("title", "One-page checkout").containsEntry("team", "Payments");
        Map<String, Object> entry = edited.get("decision");
        assertThat(entry).containsEntry("kind", "BET_EDITED").containsEntry("rationale", "The scope is one page")
                .containsEntry("context", "Edited title, team");
        assertThat(entry.get("changes")).isEqualTo(List.of(
                Map.of("field", "title", "from", "Faster checkout", "to", "One-page checkout"),
                mapWithNullFrom("team", "Payments")));
        assertThat(entry.get("signers")).asInstanceOf(InstanceOfAssertFactories.LIST).extracting("userId", "role")
                .containsExactly(tuple("ethan", "engineering"));
        Map<String, Object> state = driver.state(bet);
        assertThat(state).containsEntry("title", "One-page checkout").containsEntry("team", "Payments");
        assertThat(driver.decisionKinds(bet)).containsExactly("BET_EDITED");
        assertThat(as("lena").document("query($id: ID!) { verifyDecisionLog(betId: $id) { valid } }").variable("id", bet)
                .execute().path("verifyDecisionLog.valid").entity(Boolean.class).get()).isTrue();
    }

    @Test
    void withoutANamedLeadAnyoneOfTheRoleEditsForTheirSide() {
        String bet = driver.createBet("priya", "productLead", "paul");

        Payload edited = driver.mutateOk("erin", "updateBet", input("betId", bet, "team", "Growth"));

        assertThat(edited.get("decision").get("signers")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .extracting("userId", "role").containsExactly(tuple("erin", "engineering"));
    }

    @Test
    void someoneWhoIsNotALeadIsRefusedAndNothingChanges() {
        String bet = driver.createBet("priya", "productLead", "paul", "engineeringLead", "ethan");
        Map<String, Object> before = driver.state(bet);

        Payload refused = driver.mutate("priya", "updateBet", input("betId", bet, "title", "Mine now"));

        assertThat(refused.errorCodes()).containsExactly("NOT_THE_LEAD");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @Test
    void theSpikePlanChangesOnlyWhileFramingAndTheMeasurementPeriodUntilMeasuring() {
        String bet = driver.createBet("priya", "uncertainty", "HIGH", "spikeQuestion", "Can the provider batch refunds?");
        assertThat(driver.mutateOk("erin", "updateBet", input("betId", bet, "spikeTimebox", "P3D")).bet())
                .containsEntry("spikeTimebox", "P3D");
        Payload cleared = driver.mutate("erin", "updateBet", input("betId", bet, "spikeQuestion", ""));
        assertThat(cleared.errorCodes()).containsExactly("INVALID_INPUT");
        driver.passFraming(bet);
        Map<String, Object> before = driver.state(bet);

        Payload late = driver.mutate("erin", "updateBet", input("betId", bet, "spikeQuestion", "Another question?"));

        assertThat(late.errorCodes()).containsExactly("WRONG_STAGE");
        assertThat(late.userErrors().get(0)).containsEntry("field", "spikeQuestion");
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(driver.mutateOk("erin", "updateBet", input("betId", bet, "measurementPeriod", "P60D")).bet())
                .containsEntry("measurementPeriod", "P60D");
    }

    @Test
    void aMeasurementPeriodAlreadyRunningStaysAsItIs() {
        String bet = driver.outcomeGateOpen("ITERATE");
        Map<String, Object> before = driver.state(bet);

        Payload refused = driver.mutate("priya", "updateBet", input("betId", bet, "measurementPeriod", "P90D"));

        assertThat(refused.errorCodes()).containsExactly("WRONG_STAGE");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @Test
    void aClosedBetIsHistory() {
        String bet = driver.createBet("priya");
        driver.mutateOk("erin", "proposeKill", input("betId", bet, "rationale", "Opened twice"));
        assertThat(driver.sign("priya", bet, "KILL").bet()).containsEntry("stage", "CLOSED");
        Map<String, Object> before = driver.state(bet);

        Payload refused = driver.mutate("priya", "updateBet", input("betId", bet, "title", "Renamed after the fact"));

        assertThat(refused.errorCodes()).containsExactly("WRONG_STAGE");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @Test
    void anEditThatChangesNothingOrIsMalformedIsRefused() {
        String bet = driver.createBet("priya", "title", "Same title");
        Map<String, Object> before = driver.state(bet);

        assertThat(driver.mutate("priya", "updateBet", input("betId", bet, "title", "Same title")).errorCodes())
                .containsExactly("INVALID_INPUT");
        assertThat(driver.mutate("priya", "updateBet", input("betId", bet, "title", " ")).errorCodes())
                .containsExactly("INVALID_INPUT");
        assertThat(driver.mutate("priya", "updateBet", input("betId", bet, "measurementPeriod", "a month")).errorCodes())
                .containsExactly("INVALID_INPUT");
        assertThat(driver.mutate("priya", "updateBet", input("betId", bet, "team", "t".repeat(101))).errorCodes())
                .containsExactly("INVALID_INPUT");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    private static Map<String, Object> mapWithNullFrom(String field, String to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", field);
        change.put("from", null);
        change.put("to", to);
        return change;
    }
}
