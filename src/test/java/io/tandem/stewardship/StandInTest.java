package io.tandem.stewardship;

import static io.tandem.support.LiveSocket.about;
import static io.tandem.support.LiveSockets.ARRIVES;
import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.tandem.live.LiveEventStream;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.LiveSocket;
import io.tandem.support.LiveSockets;
import io.tandem.support.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stand-ins over GraphQL and the engine's API: a lead names someone of their role for a period; during it the stand-in
 * receives the side's sign-offs (myTasks, Tasklist, inboxChanged) and signs "as stand-in for" the lead; before and
 * after it they are refused; and a stand-in is never the second person beside the lead they stand in for.
 */
class StandInTest extends GraphQlTestBase {

    @RegisterExtension
    final LiveSockets sockets = new LiveSockets();

    @Autowired
    private TaskService taskService;
    @Autowired
    private LiveEventStream stream;
    @Autowired
    private Stewardship stewardship;

    @Test
    void aStandInReceivesTheSideAndSignsAsStandInForTheLead() {
        String bet = driver.framingGateOpen("productLead", "paul", "engineeringLead", "ethan");
        LiveSocket.Received priyasInbox = sockets.open(port, "priya").subscribeHeld(stream, LiveSocket.INBOX, Map.of());
        assertThat(driver.inboxSteps("priya", bet)).isEmpty();

        Payload named = driver.mutateOk("paul", "nameStandIn", input("betId", bet, "side", "PRODUCT", "standIn", "priya",
                "to", Instant.now().plus(Duration.ofDays(7)).toString()));

        assertThat(named.get("standIn")).containsEntry("lead", "paul").containsEntry("standIn", "priya")
                .containsEntry("active", true);
        assertThat(named.bet().get("latestDecision")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("kind", "STAND_IN_NAMED");
        assertThat(driver.inboxSteps("priya", bet)).containsExactly(PRODUCT_FRAMING);
        assertThat(driver.inboxSteps("paul", bet)).containsExactly(PRODUCT_FRAMING);
        assertThat(priyasInbox.await(about(bet), ARRIVES)).containsEntry("kind", "OFFERED").containsEntry("step", PRODUCT_FRAMING);

        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("ethan", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");
        assertThat(driver.state(bet).get("latestDecision")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("signers").asInstanceOf(InstanceOfAssertFactories.LIST)
                .extracting("userId", "role", "standingInFor")
                .containsExactly(tuple("priya", "product", "paul"), tuple("ethan", "engineering", null));
        assertThat(verified(bet)).isTrue();
    }

    @Test
    void aStandInIsRefusedBeforeTheirPeriodAndAfterItEnds() {
        String bet = driver.framingGateOpen("productLead", "paul");
        Payload coming = driver.mutateOk("paul", "nameStandIn", input("betId", bet, "side", "PRODUCT", "standIn", "priya",
                "from", Instant.now().plus(Duration.ofHours(1)).toString(), "to", Instant.now().plus(Duration.ofDays(2)).toString()));
        assertThat(coming.get("standIn")).containsEntry("active", false);

        assertThat(driver.sign("priya", bet, "FRAMING").errorCodes()).containsExactly("NOT_THE_LEAD");
        assertThat(driver.inboxSteps("priya", bet)).isEmpty();

        String shortly = Instant.now().plus(Duration.ofSeconds(2)).toString();
        driver.mutateOk("paul", "nameStandIn", input("betId", bet, "side", "PRODUCT", "standIn", "sam", "to", shortly));
        assertThat(driver.inboxSteps("sam", bet)).contains(PRODUCT_FRAMING);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(Instant.parse(shortly)));
        Map<String, Object> before = driver.state(bet);

        assertThat(driver.sign("sam", bet, "FRAMING", "signAs", "PRODUCT").errorCodes()).containsExactly("NOT_THE_LEAD");
        assertThat(driver.state(bet)).isEqualTo(before);
        stewardship.keepStandInsInStep(); // what StandInSchedule runs every 30 s
        assertThat(candidateUsers(bet, PRODUCT_FRAMING)).containsExactly("paul");
    }

    @Test
    void revokingEndsThePeriodAtOnceInGraphQlAndTasklist() {
        String bet = driver.framingGateOpen("productLead", "paul");
        String standIn = (String) driver.mutateOk("paul", "nameStandIn", input("betId", bet, "side", "PRODUCT",
                "standIn", "priya", "to", Instant.now().plus(Duration.ofDays(3)).toString())).get("standIn").get("id");
        assertThat(candidateUsers(bet, PRODUCT_FRAMING)).containsExactlyInAnyOrder("paul", "priya");
        assertThat(driver.mutate("erin", "revokeStandIn", input("standInId", standIn)).errorCodes())
                .containsExactly("NOT_THE_LEAD");

        Payload revoked = driver.mutateOk("paul", "revokeStandIn", input("standInId", standIn));

        assertThat(revoked.get("standIn")).containsEntry("active", false);
        assertThat(revoked.bet().get("latestDecision")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("kind", "STAND_IN_REVOKED");
        assertThat(candidateUsers(bet, PRODUCT_FRAMING)).containsExactly("paul");
        assertThat(driver.inboxSteps("priya", bet)).isEmpty();
        String taskId = engineTask(bet, PRODUCT_FRAMING).getId();
        assertThatThrownBy(() -> asTasklistUser("priya", "product", () -> {
            taskService.complete(taskId, Map.of("answer", "APPROVE"));
            return null;
        }));
        assertThat(driver.waitingOn(bet)).contains(PRODUCT_FRAMING);
        assertThat(driver.mutate("paul", "revokeStandIn", input("standInId", standIn)).errorCodes())
                .containsExactly("INVALID_INPUT");
    }

    @Test
    void aStandInSignsInTasklistDuringTheirPeriod() {
        String bet = driver.framingGateOpen("productLead", "paul");
        driver.mutateOk("paul", "nameStandIn", input("betId", bet, "side", "PRODUCT", "standIn", "priya",
                "to", Instant.now().plus(Duration.ofDays(3)).toString()));
        String taskId = engineTask(bet, PRODUCT_FRAMING).getId();

        approveInTasklist("priya", "product", taskId);

        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_FRAMING);
    }

    @Test
    void aStandInIsNeverTheSecondPersonBesideTheLeadTheyStandInFor() {
        // sam leads product and, holding both roles, may sign engineering's side where no engineering lead is named
        String bet = driver.framingGateOpen("productLead", "sam");
        driver.mutateOk("sam", "nameStandIn", input("betId", bet, "side", "PRODUCT", "standIn", "priya",
                "to", Instant.now().plus(Duration.ofDays(3)).toString()));
        assertThat(driver.sign("sam", bet, "FRAMING", "signAs", "ENGINEERING").ok()).isTrue();
        Map<String, Object> before = driver.state(bet);

        Payload refused = driver.sign("priya", bet, "FRAMING");

        assertThat(refused.errorCodes()).containsExactly("SAME_PERSON");
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(driver.sign("paul", bet, "FRAMING").errorCodes()).containsExactly("NOT_THE_LEAD");
    }

    @Test
    void theLeadWhoseStandInSignedIsNoSecondPersonEither() {
        String bet = driver.framingGateOpen("productLead", "sam");
        driver.mutateOk("sam", "nameStandIn", input("betId", bet, "side", "PRODUCT", "standIn", "priya",
                "to", Instant.now().plus(Duration.ofDays(3)).toString()));
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        Map<String, Object> before = driver.state(bet);

        assertThat(driver.sign("sam", bet, "FRAMING", "signAs", "ENGINEERING").errorCodes()).containsExactly("SAME_PERSON");
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(driver.sign("erin", bet, "FRAMING").betStage()).isEqualTo("COMMITMENT");
    }

    @Test
    void namingAStandInFollowsTheRulesAndARefusalChangesNothing() {
        String bet = driver.createBet("priya", "productLead", "paul", "engineeringLead", "sam");
        String week = Instant.now().plus(Duration.ofDays(7)).toString();
        Map<String, Object> before = driver.state(bet);

        assertThat(refusal("priya", bet, "PRODUCT", "priya", null, week)).containsExactly("NOT_THE_LEAD", "betId");
        assertThat(refusal("paul", bet, "PRODUCT", "nobody-we-know", null, week)).containsExactly("INVALID_INPUT", "standIn");
        assertThat(refusal("paul", bet, "PRODUCT", "erin", null, week)).containsExactly("WRONG_ROLE", "standIn");
        assertThat(refusal("paul", bet, "PRODUCT", "paul", null, week)).containsExactly("SAME_PERSON", "standIn");
        assertThat(refusal("paul", bet, "PRODUCT", "sam", null, week)).containsExactly("SAME_PERSON", "standIn");
        assertThat(refusal("paul", bet, "PRODUCT", "priya", week, Instant.now().plus(Duration.ofDays(1)).toString()))
                .containsExactly("INVALID_INPUT", "to");
        assertThat(refusal("paul", bet, "PRODUCT", "priya", null, Instant.now().plus(Duration.ofDays(200)).toString()))
                .containsExactly("INVALID_INPUT", "to");
        assertThat(driver.state(bet)).isEqualTo(before);

        String unled = driver.createBet("priya");
        assertThat(refusal("priya", unled, "PRODUCT", "paul", null, week)).containsExactly("INVALID_INPUT", "side");
    }

    @Test
    void changingTheLeadEndsTheOutgoingLeadsStandIns() {
        String bet = driver.framingGateOpen("productLead", "paul");
        driver.mutateOk("paul", "nameStandIn", input("betId", bet, "side", "PRODUCT", "standIn", "sam",
                "to", Instant.now().plus(Duration.ofDays(3)).toString()));

        driver.mutateOk("paul", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya"));

        assertThat(driver.state(bet).get("standIns")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
        assertThat(candidateUsers(bet, PRODUCT_FRAMING)).containsExactly("priya");
        assertThat(driver.sign("sam", bet, "FRAMING", "signAs", "PRODUCT").errorCodes()).containsExactly("NOT_THE_LEAD");
    }

    private List<String> refusal(String user, String bet, String side, String standIn, String from, String to) {
        Map<String, Object> input = input("betId", bet, "side", side, "standIn", standIn, "to", to);
        if (from != null) {
            input.put("from", from);
        }
        Payload refused = driver.mutate(user, "nameStandIn", input);
        assertThat(refused.userErrors()).as(refused.toString()).hasSize(1);
        return List.of((String) refused.userErrors().get(0).get("code"), (String) refused.userErrors().get(0).get("field"));
    }

    private boolean verified(String bet) {
        return as("lena").document("query($id: ID!) { verifyDecisionLog(betId: $id) { valid } }").variable("id", bet)
                .execute().path("verifyDecisionLog.valid").entity(Boolean.class).get();
    }
}
