package io.tandem.stewardship;

import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * changeLead over GraphQL: the outgoing lead hands over alone; the other side's lead and an admin reassign, two
 * people; the side's open sign-offs follow the new lead in myTasks and in the engine (Tasklist's door) at once.
 */
class LeadChangeTest extends GraphQlTestBase {

    @Autowired
    private TaskService taskService;

    @Test
    void theOutgoingLeadHandsOverAndTheOpenSignOffMovesWithTheLead() {
        String bet = driver.framingGateOpen("productLead", "paul");
        assertThat(driver.inboxSteps("paul", bet)).containsExactly(PRODUCT_FRAMING);

        Payload handed = driver.mutateOk("paul", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya",
                "reason", "Paul moves to the platform team"));

        assertThat(handed.bet()).containsEntry("productLead", "priya");
        assertThat(handed.get("decision")).containsEntry("kind", "LEAD_CHANGED")
                .containsEntry("rationale", "Paul moves to the platform team")
                .containsEntry("changes", List.of(Map.of("field", "productLead", "from", "paul", "to", "priya")));
        assertThat(driver.inboxSteps("priya", bet)).containsExactly(PRODUCT_FRAMING);
        assertThat(driver.inboxSteps("paul", bet)).isEmpty();
        assertThat(candidateUsers(bet, PRODUCT_FRAMING)).containsExactly("priya");
        assertThat(driver.waitingTasks(bet)).filteredOn(t -> t.get("step").equals(PRODUCT_FRAMING)).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("lead", "priya"));
        assertThat(driver.sign("paul", bet, "FRAMING").errorCodes()).containsExactly("NOT_THE_LEAD");
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
    }

    @Test
    void theOldLeadCannotCompleteTheMovedTaskInTasklistAndTheNewLeadCan() {
        String bet = driver.framingGateOpen("productLead", "paul");
        String taskId = engineTask(bet, PRODUCT_FRAMING).getId();
        asTasklistUser("paul", "product", () -> {
            taskService.claim(taskId, "paul");
            return null;
        });

        driver.mutateOk("paul", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya"));

        assertThat(engineTask(bet, PRODUCT_FRAMING).getAssignee()).as("the old lead's claim is let go").isNull();
        assertThatThrownBy(() -> asTasklistUser("paul", "product", () -> {
            taskService.complete(taskId, Map.of("answer", "APPROVE"));
            return null;
        }));
        assertThat(engineTask(bet, PRODUCT_FRAMING)).isNotNull();
        approveInTasklist("priya", "product", taskId);
        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_FRAMING);
    }

    @Test
    void theOtherSidesLeadAndAnAdminReassignALeadWhoLeft() {
        String bet = driver.framingGateOpen("productLead", "paul", "engineeringLead", "ethan");

        Payload asked = driver.mutateOk("ethan", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya",
                "reason", "Paul left the company"));

        assertThat(asked.get("decision")).isNull();
        assertThat(asked.get("pendingReassignment")).containsEntry("to", "priya").containsEntry("askedBy", "ethan")
                .containsEntry("askedAs", "OTHER_SIDE_LEAD");
        assertThat(driver.state(bet)).containsEntry("productLead", "paul");
        assertThat(driver.inboxSteps("paul", bet)).containsExactly(PRODUCT_FRAMING);

        Payload confirmed = driver.mutateOk("ada", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya",
                "reason", "Paul left the company"));

        assertThat(confirmed.bet()).containsEntry("productLead", "priya");
        assertThat(confirmed.get("decision")).containsEntry("kind", "LEAD_CHANGED");
        assertThat(confirmed.get("decision").get("signers")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .extracting("userId", "role").containsExactly(tuple("ethan", "engineering"), tuple("ada", "admin"));
        assertThat(driver.state(bet).get("pendingLeadReassignments")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
        assertThat(driver.inboxSteps("priya", bet)).containsExactly(PRODUCT_FRAMING);
        assertThat(driver.inboxSteps("paul", bet)).isEmpty();
    }

    @Test
    void oneAloneNeverReassignsALead() {
        String bet = driver.framingGateOpen("productLead", "paul", "engineeringLead", "ethan");
        Map<String, Object> untouched = driver.state(bet);

        assertThat(driver.mutate("priya", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya",
                "reason", "I am here")).errorCodes()).containsExactly("NOT_THE_LEAD");
        assertThat(driver.mutate("erin", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya",
                "reason", "Paul left")).errorCodes()).containsExactly("NOT_THE_LEAD");
        assertThat(driver.mutate("ethan", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya"))
                .errorCodes()).as("a reassignment says why").containsExactly("INVALID_INPUT");
        assertThat(driver.state(bet)).isEqualTo(untouched);

        driver.mutateOk("ada", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya", "reason", "Paul left"));
        Map<String, Object> asked = driver.state(bet);
        assertThat(driver.mutate("ada", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya",
                "reason", "Paul left")).errorCodes()).as("asking again is no second person").containsExactly("SAME_PERSON");
        assertThat(driver.mutate("ethan", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "sam",
                "reason", "Sam rather")).errorCodes()).containsExactly("CHOICE_MISMATCH");
        assertThat(driver.state(bet)).isEqualTo(asked).containsEntry("productLead", "paul");
    }

    @Test
    void theNewLeadMustBeKnownHoldTheRoleAndNotLeadTheOtherSide() {
        String bet = driver.createBet("priya", "productLead", "paul", "engineeringLead", "sam");
        Map<String, Object> before = driver.state(bet);

        assertThat(refusal("paul", bet, "PRODUCT", "nobody-we-know")).containsExactly("INVALID_INPUT", "to");
        assertThat(refusal("paul", bet, "PRODUCT", "erin")).containsExactly("WRONG_ROLE", "to");
        assertThat(refusal("paul", bet, "PRODUCT", "sam")).containsExactly("SAME_PERSON", "to");
        assertThat(refusal("paul", bet, "PRODUCT", "paul")).containsExactly("INVALID_INPUT", "to");
        assertThat(refusal("paul", bet, "LEADERSHIP", "lena")).containsExactly("INVALID_INPUT", "side");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @Test
    void aSideWithoutALeadIsGivenOneBySomeoneOfItsRole() {
        String bet = driver.framingGateOpen();
        assertThat(driver.inboxSteps("paul", bet)).containsExactly(PRODUCT_FRAMING);

        assertThat(driver.mutate("erin", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya",
                "reason", "Priya owns it")).errorCodes()).containsExactly("WRONG_ROLE");
        driver.mutateOk("paul", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya"));

        assertThat(driver.inboxSteps("paul", bet)).isEmpty();
        assertThat(candidateUsers(bet, PRODUCT_FRAMING)).containsExactly("priya");
    }

    private List<String> refusal(String user, String bet, String side, String to) {
        Payload refused = driver.mutate(user, "changeLead", input("betId", bet, "side", side, "to", to, "reason", "Because"));
        assertThat(refused.userErrors()).hasSize(1);
        return List.of((String) refused.userErrors().get(0).get("code"), (String) refused.userErrors().get(0).get("field"));
    }
}
