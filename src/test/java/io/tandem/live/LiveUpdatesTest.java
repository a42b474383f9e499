package io.tandem.live;

import static io.tandem.support.LiveSocket.about;
import static io.tandem.support.LiveSockets.ARRIVES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.LiveSocket;
import io.tandem.support.LiveSockets;
import io.tandem.support.Payload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * The subscriptions over WebSocket, as front-ends use them: inboxChanged for the person signed in on the socket,
 * betChanged for one bet. Events arrive only after their transaction committed, only to those who may see them.
 * "Nothing arrives" is always checked after a later event of the same subscriber did arrive (notifications are
 * delivered in commit order), plus a moment's grace.
 */
class LiveUpdatesTest extends GraphQlTestBase {

    private static final Duration GRACE = Duration.ofMillis(1500);

    @Autowired
    private LiveEventStream stream;
    @Autowired
    private TaskService taskService;
    @Autowired
    private LiveEvents live;
    @Autowired
    private UserDetailsService userDetails;

    @RegisterExtension
    final LiveSockets sockets = new LiveSockets();

    @BeforeEach
    void noRoleUser() {
        if (userDetails instanceof UserDetailsManager users && !users.userExists("nora")) {
            users.createUser(User.withUsername("nora").password("{noop}nora").authorities(List.of()).build());
        }
    }

    @AfterEach
    void stopListeningToRaisedEvents() {
        live.onRaised(null);
    }

    @Test
    void aProductPersonSeesTheTaskAnotherPersonsSignOffOpenedForThem() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        LiveSocket priyasSocket = socket("priya");
        LiveSocket.Received priya = priyasSocket.subscribeHeld(stream, LiveSocket.INBOX, Map.of());
        LiveSocket.Received erin = socket("erin").subscribeHeld(stream, LiveSocket.INBOX, Map.of());

        // erin signs engineering's side of delivery: product's confirmation task opens
        driver.mutateOk("erin", "markDelivered", input("betId", bet, "note", "Live for all shops"));

        Map<String, Object> opened = priya.await(about(bet), ARRIVES);
        assertThat(opened).containsEntry("kind", "CREATED").containsEntry("step", "task_confirm_delivery")
                .containsEntry("gate", "DELIVERY").containsEntry("role", "PRODUCT").containsEntry("assignee", null);
        assertThat(opened.get("taskId")).isEqualTo(taskId(bet, "task_confirm_delivery"));
        assertThat(opened.get("at")).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> openedBet = (Map<String, Object>) opened.get("bet");
        assertThat(openedBet.get("title")).isEqualTo(driver.state(bet).get("title"));
        // erin sees her own task done, and nothing of product's
        assertThat(erin.await(about(bet), ARRIVES)).containsEntry("kind", "COMPLETED").containsEntry("step", "task_mark_delivered");

        // priya confirms over the same socket: it runs as priya, and each side sees what concerns it
        ClientGraphQlResponse viewer = priyasSocket.execute("{ viewer { id roles } }", Map.of());
        assertThat(viewer.field("viewer.id").toEntity(String.class)).isEqualTo("priya");
        ClientGraphQlResponse confirmed = priyasSocket.execute(
                "mutation($input: ConfirmDeliveryInput!) { confirmDelivery(input: $input) { bet { stage latestDecision { signers { userId } } } userErrors { code } } }",
                Map.of("input", Map.of("betId", bet)));
        assertThat(confirmed.field("confirmDelivery.userErrors").toEntityList(Map.class)).isEmpty();
        assertThat(confirmed.field("confirmDelivery.bet.stage").toEntity(String.class)).isEqualTo("MEASURING");
        assertThat(confirmed.field("confirmDelivery.bet.latestDecision.signers").toEntityList(Map.class))
                .extracting(s -> s.get("userId")).containsExactly("erin", "priya");
        assertThat(priya.await(about(bet), ARRIVES)).containsEntry("kind", "COMPLETED").containsEntry("step", "task_confirm_delivery");

        sleep(GRACE);
        assertThat(priya.all(about(bet))).extracting(e -> e.get("kind") + " " + e.get("step"))
                .containsExactly("CREATED task_confirm_delivery", "COMPLETED task_confirm_delivery");
        assertThat(erin.all(about(bet))).extracting(e -> e.get("kind") + " " + e.get("step"))
                .containsExactly("COMPLETED task_mark_delivered");
    }

    @Test
    void aRefusedSignOffThatTheEngineHadAlreadyCompletedSendsNothing() {
        String bet = driver.createBet("priya");
        String constraint = driver.addConstraint("erin", bet, "Payment provider rate limit");
        driver.completeFramingWork(bet);
        String productTask = taskId(bet, "task_sign_framing_product");
        AtomicInteger completions = countCompletions(productTask);
        LiveSocket.Received priya = socket("priya").subscribeHeld(stream, LiveSocket.INBOX, Map.of());

        Payload refused = driver.sign("priya", bet, "FRAMING");
        assertThat(refused.errorCodes()).containsExactly("CONSTRAINTS_UNACKNOWLEDGED");
        // the engine had completed the task and raised its COMPLETED event before the gate rule refused it
        assertThat(completions.get()).as("COMPLETED raised inside the refused sign-off's transaction").isEqualTo(1);
        assertThat(driver.waitingOn(bet)).contains("task_sign_framing_product");

        driver.mutateOk("priya", "acknowledgeConstraint", input("constraintId", constraint, "response", "Fine"));
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(completions.get()).isEqualTo(2);

        Map<String, Object> completed = priya.await(about(bet), ARRIVES);
        assertThat(completed).containsEntry("kind", "COMPLETED").containsEntry("taskId", productTask);
        sleep(GRACE);
        assertThat(priya.all(about(bet))).as("one completion was committed, so one event").hasSize(1);
    }

    @Test
    void leadershipHasNoInboxAndAProductPersonSeesNothingOfAnotherLeadsTask() {
        LiveSocket lenaSocket = socket("lena");
        LiveSocket.Received lenaInbox = lenaSocket.subscribeHeld(stream, LiveSocket.INBOX, Map.of());
        LiveSocket.Received priya = socket("priya").subscribeHeld(stream, LiveSocket.INBOX, Map.of());
        LiveSocket.Received paul = socket("paul").subscribeHeld(stream, LiveSocket.INBOX, Map.of());

        String pauls = driver.createBet("priya", "productLead", "paul");
        LiveSocket.Received lenaBet = lenaSocket.subscribeHeld(stream, LiveSocket.BET, Map.of("id", pauls));
        assertThat(driver.reviseBrief("paul", pauls).ok()).isTrue();
        driver.mutateOk("paul", "submitBrief", input("betId", pauls));
        driver.mutateOk("erin", "submitConstraints", input("betId", pauls));
        assertThat(driver.sign("paul", pauls, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("erin", pauls, "FRAMING").ok()).isTrue();

        // paul, the lead, sees his sign-off task come and go; lena sees the bet move (the control)
        assertThat(paul.await(about(pauls).and(e -> e.get("step").equals("task_sign_framing_product")), ARRIVES))
                .containsEntry("kind", "CREATED");
        assertThat(paul.await(about(pauls).and(e -> e.get("step").equals("task_sign_framing_product")), ARRIVES))
                .containsEntry("kind", "COMPLETED");
        lenaBet.await(e -> "STAGE_CHANGED".equals(e.get("kind")) && "Entered COMMITMENT".equals(e.get("summary")), ARRIVES);
        // priya's control: a task of a bet without a product lead
        String open = driver.createBet("priya");
        driver.reviseBrief("priya", open);
        driver.mutateOk("priya", "submitBrief", input("betId", open));
        priya.await(about(open), ARRIVES);

        sleep(GRACE);
        assertThat(lenaInbox.all()).as("leadership signs none of this bet's gates (it made no ask), so its inbox stays empty").isEmpty();
        assertThat(priya.all(about(pauls).and(e -> e.get("gate") != null))).as("paul leads product on this bet: its sign-offs are his")
                .isEmpty();
        assertThat(priya.all(about(pauls))).as("its product work steps wait on the whole role, as in myTasks")
                .extracting(e -> e.get("step")).containsOnly("task_write_brief");
    }

    @Test
    void aCallerWithoutATandemRoleIsRefusedBothSubscriptions() {
        String bet = driver.createBet("priya");
        LiveSocket nora = socket("nora");
        assertThat(nora.execute("{ viewer { id } }", Map.of()).field("viewer.id").toEntity(String.class)).isEqualTo("nora");

        assertThat(refusal(nora, LiveSocket.BET, Map.of("id", bet))).containsExactly("FORBIDDEN: Your roles do not allow betChanged");
        assertThat(refusal(nora, LiveSocket.INBOX, Map.of())).containsExactly("FORBIDDEN: Your roles do not allow inboxChanged");
    }

    @Test
    void anUnknownOrMalformedBetIdIsAClearError() {
        LiveSocket lena = socket("lena");
        String unknown = GlobalId.of("Bet", UUID.randomUUID());
        assertThat(refusal(lena, LiveSocket.BET, Map.of("id", unknown))).containsExactly("NOT_FOUND: There is no bet " + unknown);
        assertThat(refusal(lena, LiveSocket.BET, Map.of("id", "not-an-id"))).containsExactly("BAD_REQUEST: betId 'not-an-id' is not a bet id");
        assertThat(refusal(lena, LiveSocket.BET, Map.of("id", GlobalId.of("Decision", UUID.randomUUID()))))
                .singleElement().asString().startsWith("BAD_REQUEST");
    }

    @Test
    void betChangedSendsStageMovesSignOffsAndDecisionsOfThatBetOnly() {
        String watched = driver.createBet("priya");
        String other = driver.createBet("priya");
        driver.completeFramingWork(watched);
        driver.completeFramingWork(other);
        LiveSocket.Received events = socket("ivan").subscribeHeld(stream, LiveSocket.BET, Map.of("id", watched));

        assertThat(driver.sign("priya", other, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("erin", other, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("priya", watched, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("erin", watched, "FRAMING").ok()).isTrue();

        events.await(e -> "Entered COMMITMENT".equals(e.get("summary")), ARRIVES);
        sleep(GRACE);
        assertThat(events.all()).allSatisfy(e -> assertThat(about(watched).test(e)).as("only the watched bet: %s", e).isTrue());
        assertThat(events.all()).extracting(e -> e.get("kind") + " " + e.get("summary")).containsExactly(
                "SIGNED_OFF Priya Patel answered APPROVE for product at FRAMING",
                "SIGNED_OFF Erin Walsh answered APPROVE for engineering at FRAMING",
                "DECIDED FRAMING_APPROVED (entry 1)",
                "STAGE_CHANGED Entered COMMITMENT");
    }

    @Test
    void aSubscriptionPostedAsAPlainRequestIsToldWhereSubscriptionsAre() {
        http().post().uri("/graphql").headers(h -> h.setBasicAuth("lena", "lena")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "subscription { inboxChanged { kind } }")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message").isEqualTo("Subscriptions are served over WebSocket at /graphql-ws (protocol graphql-transport-ws)");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private LiveSocket socket(String user) {
        return sockets.open(port, user);
    }

    /** The errors a refused subscription ends with, as "CLASSIFICATION: message". */
    private static List<String> refusal(LiveSocket socket, String document, Map<String, Object> variables) {
        LiveSocket.Received received = socket.subscribe(document, variables);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.error.get() != null);
        assertThat(received.error.get()).isInstanceOf(SubscriptionErrorException.class);
        List<ResponseError> errors = ((SubscriptionErrorException) received.error.get()).getErrors();
        assertThat(errors).allSatisfy(error -> assertThat(error.getExtensions()).doesNotContainKey("stackTrace"));
        return errors.stream().map(error -> error.getErrorType() + ": " + error.getMessage()).toList();
    }

    private String taskId(String bet, String step) {
        UUID id = GlobalId.find("Bet", bet).orElseThrow();
        return taskService.createTaskQuery().processInstanceBusinessKey(id.toString()).taskDefinitionKey(step).singleResult().getId();
    }

    /** Counts the COMPLETED events raised for one task inside their transactions, whether those commit or not. */
    private AtomicInteger countCompletions(String taskId) {
        AtomicInteger count = new AtomicInteger();
        live.onRaised(envelope -> {
            if (envelope.task() != null && envelope.task().taskId().equals(taskId) && envelope.task().kind() == TaskChange.Kind.COMPLETED) {
                count.incrementAndGet();
            }
        });
        return count;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
