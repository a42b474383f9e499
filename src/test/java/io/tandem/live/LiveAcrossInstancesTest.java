package io.tandem.live;

import static io.tandem.support.LiveSocket.about;
import static io.tandem.support.LiveSockets.ARRIVES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.LiveSocket;
import io.tandem.support.LiveSockets;
import io.tandem.support.SecondInstances;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.ClientGraphQlResponse;

/**
 * Two instances of Tandem on one database, as replicas behind one Service: a subscriber on one instance gets what
 * was committed through the other, in both directions, and nothing of what the other rolled back. The second
 * instance runs in this JVM with an engine of its own name and no job executor (support/SecondInstance).
 */
class LiveAcrossInstancesTest extends GraphQlTestBase {

    @RegisterExtension
    static final SecondInstances replica = SecondInstances.onTheTestDatabase("liveReplica");

    @Autowired
    private LiveEventStream stream;

    @RegisterExtension
    final LiveSockets sockets = new LiveSockets();

    @Test
    void subscribersOfEitherInstanceGetWhatTheOtherCommitted() {
        String bet = driver.createBet("priya");
        String constraint = driver.addConstraint("erin", bet, "Rate limit");
        int replicaPort = replica.port();
        LiveEventStream replicaStream = replica.bean(LiveEventStream.class);

        // on the replica: priya's inbox and leadership watching the bet; on this instance: leadership too
        LiveSocket priyasSocketThere = socket(replicaPort, "priya");
        LiveSocket.Received priyaThere = priyasSocketThere.subscribeHeld(replicaStream, LiveSocket.INBOX, Map.of());
        LiveSocket.Received lenaThere = socket(replicaPort, "lena").subscribeHeld(replicaStream, LiveSocket.BET, Map.of("id", bet));
        LiveSocket.Received lenaHere = socket(port, "lena").subscribeHeld(stream, LiveSocket.BET, Map.of("id", bet));

        // through this instance: the framing gate opens (a product task for priya), then a refused sign-off
        driver.completeFramingWork(bet);
        assertThat(priyaThere.await(about(bet), ARRIVES)).containsEntry("kind", "COMPLETED").containsEntry("step", "task_write_brief");
        assertThat(priyaThere.await(about(bet), ARRIVES)).containsEntry("kind", "CREATED").containsEntry("step", "task_sign_framing_product");
        assertThat(driver.sign("priya", bet, "FRAMING").errorCodes()).containsExactly("CONSTRAINTS_UNACKNOWLEDGED");
        driver.mutateOk("priya", "acknowledgeConstraint", input("constraintId", constraint, "response", "Fine"));

        // through the replica's socket: priya signs; both instances' subscribers see it
        ClientGraphQlResponse signed = priyasSocketThere.execute(
                "mutation($input: SignGateInput!) { signGate(input: $input) { userErrors { code } } }",
                Map.of("input", Map.of("betId", bet, "gate", "FRAMING")));
        assertThat(signed.field("signGate.userErrors").toEntityList(Map.class)).isEmpty();
        assertThat(lenaHere.await(e -> "SIGNED_OFF".equals(e.get("kind")), ARRIVES).get("summary"))
                .isEqualTo("Priya Patel answered APPROVE for product at FRAMING");
        assertThat(lenaThere.await(e -> "SIGNED_OFF".equals(e.get("kind")), ARRIVES).get("summary"))
                .isEqualTo("Priya Patel answered APPROVE for product at FRAMING");
        assertThat(priyaThere.await(about(bet), ARRIVES)).containsEntry("kind", "COMPLETED").containsEntry("step", "task_sign_framing_product");

        // the refused sign-off (raised and rolled back on this instance) reached neither instance
        assertThat(priyaThere.all(about(bet))).extracting(e -> e.get("kind") + " " + e.get("step"))
                .containsExactly("COMPLETED task_write_brief", "CREATED task_sign_framing_product", "COMPLETED task_sign_framing_product");
        // the framing work revised the brief; the refused sign-off is nowhere
        assertThat(lenaThere.all()).extracting(e -> e.get("kind"))
                .containsExactly("BRIEF_REVISED", "CONSTRAINT_ACKNOWLEDGED", "SIGNED_OFF");
        assertThat(lenaHere.all()).extracting(e -> e.get("kind"))
                .containsExactly("BRIEF_REVISED", "CONSTRAINT_ACKNOWLEDGED", "SIGNED_OFF");
    }

    private LiveSocket socket(int port, String user) {
        return sockets.open(port, user);
    }
}
