package io.tandem.activity;

import static io.tandem.support.LiveSocket.about;
import static io.tandem.support.LiveSockets.ARRIVES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.live.LiveEventStream;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.LiveSocket;
import io.tandem.support.LiveSockets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * betChanged over a graphql-transport-ws socket, as a front-end's bet page subscribes: an event of its own kind for
 * every change a reader of the bet can see, naming who made it and what changed, and nothing for a refused mutation.
 */
class BetChangedTest extends GraphQlTestBase {

    private static final String BET_CHANGED = "subscription($id: ID!) { betChanged(betId: $id) "
            + "{ kind summary at actor actorName subjectId bet { id } } }";

    @RegisterExtension
    final LiveSockets sockets = new LiveSockets();

    @Autowired
    private LiveEventStream stream;

    @Test
    void everyChangeToABetArrivesWithItsKindAndWhoMadeIt() {
        String bet = driver.createBet("priya", "productLead", "paul", "uncertainty", "MEDIUM");
        LiveSocket.Received events = sockets.open(port, "lena").subscribeHeld(stream, BET_CHANGED, Map.of("id", bet));

        driver.reviseBrief("paul", bet);
        expect(events, bet, "BRIEF_REVISED", "paul");
        String constraint = driver.addConstraint("erin", bet, "Rate limit");
        assertThat(expect(events, bet, "CONSTRAINT_ADDED", "erin").get("subjectId")).isEqualTo(constraint);
        driver.acknowledgeConstraint("paul", constraint, "Fine");
        expect(events, bet, "CONSTRAINT_ACKNOWLEDGED", "paul");
        driver.mutateOk("erin", "assessUncertainty", input("betId", bet, "uncertainty", "LOW"));
        expect(events, bet, "UNCERTAINTY_ASSESSED", "erin");
        driver.mutateOk("lena", "addComment", input("betId", bet, "body", "Watching this one"));
        expect(events, bet, "COMMENTED", "lena");
        driver.mutateOk("paul", "updateBet", input("betId", bet, "team", "Payments"));
        expect(events, bet, "BET_EDITED", "paul");
        driver.mutateOk("paul", "nameStandIn", input("betId", bet, "side", "PRODUCT", "standIn", "priya",
                "to", Instant.now().plus(Duration.ofDays(2)).toString()));
        expect(events, bet, "STAND_IN_CHANGED", "paul");
        driver.mutateOk("paul", "changeLead", input("betId", bet, "side", "PRODUCT", "to", "priya"));
        expect(events, bet, "LEAD_CHANGED", "paul");

        // refused: paul no longer leads; nothing of it arrives (checked after a later event arrived)
        assertThat(driver.mutate("paul", "updateBet", input("betId", bet, "title", "Not mine any more")).errorCodes())
                .containsExactly("NOT_THE_LEAD");
        driver.completeFramingWork(bet);
        driver.sign("priya", bet, "FRAMING");
        expect(events, bet, "SIGNED_OFF", "priya");
        driver.sign("erin", bet, "FRAMING");
        expect(events, bet, "DECIDED", "erin");
        expect(events, bet, "STAGE_CHANGED", "erin");
        assertThat(events.all(about(bet))).noneMatch(e -> "Not mine any more".equals(e.get("summary")))
                .filteredOn(e -> "BET_EDITED".equals(e.get("kind"))).hasSize(1);

        String option = driver.proposeTwoOptions(bet).get(0);
        expect(events, bet, "OPTIONS_PROPOSED", "erin");
        driver.sign("priya", bet, "COMMITMENT", "optionId", option);
        driver.sign("erin", bet, "COMMITMENT", "optionId", option);
        driver.mutateOk("erin", "postStatusUpdate", input("betId", bet, "status", "AT_RISK", "text", "Provider is slow"));
        expect(events, bet, "STATUS_UPDATED", "erin");
        driver.mutateOk("priya", "requestWindowChange", input("betId", bet, "newWindow",
                LocalDate.now().plusMonths(2).toString(), "rationale", "The provider slipped"));
        expect(events, bet, "CHANGE_REQUESTED", "priya");
    }

    /** The latest event of this kind, waiting for it; events may arrive in any order within one transaction. */
    private static Map<String, Object> expect(LiveSocket.Received events, String bet, String kind, String actor) {
        Predicate<Map<String, Object>> which = about(bet).and(e -> kind.equals(e.get("kind")));
        await().atMost(ARRIVES).until(() -> !events.all(which).isEmpty());
        List<Map<String, Object>> matching = events.all(which);
        Map<String, Object> event = matching.get(matching.size() - 1);
        assertThat(event.get("actor")).as(kind + " actor").isEqualTo(actor);
        assertThat(event.get("actorName")).as(kind + " actor's name").isNotNull();
        assertThat(event.get("at")).isNotNull();
        return event;
    }
}
