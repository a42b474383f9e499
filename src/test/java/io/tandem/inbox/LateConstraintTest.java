package io.tandem.inbox;

import static io.tandem.support.LiveSocket.about;
import static io.tandem.support.LiveSockets.ARRIVES;
import static io.tandem.support.TaskKeys.ACKNOWLEDGE_CONSTRAINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tandem.graphql.GlobalId;
import io.tandem.live.LiveEventStream;
import io.tandem.support.BetRows;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.LiveSocket;
import io.tandem.support.LiveSockets;
import io.tandem.support.Payload;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A technical constraint sprung in delivery: product gets a task for it (in myTasks and in Tasklist), the bet's
 * watchers and product's inbox hear of it live, the delivery gate waits for product's acknowledgement, and either door
 * of acknowledging (acknowledgeConstraint, or completing the task in Tasklist) clears the task and releases the gate.
 */
class LateConstraintTest extends GraphQlTestBase {

    private static final String TITLE = "Card data stays in the EU";

    @Autowired
    private LiveEventStream stream;
    @Autowired
    private TaskService taskService;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private RuntimeService runtimeService;

    @RegisterExtension
    final LiveSockets sockets = new LiveSockets();

    @Test
    void aBlockingConstraintAddedInDeliveryAsksProductAndHoldsDeliveryUntilAcknowledgedThroughGraphQl() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        LiveSocket.Received watching = socket("lena").subscribeHeld(stream, LiveSocket.BET, Map.of("id", bet));
        LiveSocket.Received inbox = socket("priya").subscribeHeld(stream, LiveSocket.INBOX, Map.of());

        String constraint = driver.addConstraint("erin", bet, TITLE, "BLOCKING");

        Map<String, Object> task = acknowledgementTaskIn(myTasks("priya", bet));
        Map<String, Object> state = driver.state(bet);
        assertThat(task).containsEntry("role", "PRODUCT").containsEntry("gate", null).containsEntry("assignee", null)
                .containsEntry("name", "Acknowledge technical constraint: " + TITLE + " — " + state.get("key") + " "
                        + state.get("title"));
        assertThat((String) task.get("needs")).contains("acknowledgeConstraint").contains("BLOCKING");
        assertThat(tasklistTasks("priya", bet)).extracting(Task::getId).containsExactly((String) task.get("taskId"));
        assertThat(watching.await(kind("CONSTRAINT_ADDED"), ARRIVES))
                .containsEntry("summary", "BLOCKING constraint '" + TITLE + "' added by Erin Walsh");
        assertThat(inbox.await(about(bet).and(step(ACKNOWLEDGE_CONSTRAINT)), ARRIVES)).containsEntry("kind", "CREATED")
                .containsEntry("role", "PRODUCT").containsEntry("taskId", task.get("taskId"));

        // engineering's side of delivery does not pass the gate; product's confirmation would, and is held
        driver.mutateOk("erin", "markDelivered", input("betId", bet, "note", "Live for all shops"));
        refusedWithoutChange(bet, () -> driver.mutate("priya", "confirmDelivery", input("betId", bet)));

        Payload acknowledged = driver.acknowledgeConstraint("priya", constraint, "We keep an EU replica");
        assertThat(acknowledged.ok()).isTrue();
        assertThat(acknowledgements(acknowledged)).containsExactly("priya:We keep an EU replica");
        assertThat(myTasks("priya", bet)).extracting(t -> t.get("step")).containsExactly("task_confirm_delivery");
        assertThat(tasklistTasks("priya", bet)).extracting(Task::getTaskDefinitionKey).containsExactly("task_confirm_delivery");
        assertThat(inbox.await(about(bet).and(step(ACKNOWLEDGE_CONSTRAINT)), ARRIVES)).containsEntry("kind", "COMPLETED")
                .containsEntry("assignee", null);
        assertThat(watching.await(kind("CONSTRAINT_ACKNOWLEDGED"), ARRIVES))
                .containsEntry("summary", "Priya Patel acknowledged constraint '" + TITLE + "'");

        assertThat(driver.mutateOk("priya", "confirmDelivery", input("betId", bet)).betStage()).isEqualTo("MEASURING");
    }

    @Test
    void completingTheTaskInTasklistAcknowledgesTheConstraintForTheProductPersonWhoDidIt() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        String constraint = driver.addConstraint("erin", bet, TITLE, "BLOCKING");
        Task task = tasklistTasks("priya", bet).get(0);
        Map<String, Long> rows = BetRows.of(jdbc, bet);

        // engineering is no candidate of the task, so the engine's authorization refuses it before any listener runs
        assertThatThrownBy(() -> completeInTasklist("erin", "engineering", task, "Engineering says fine"))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("TASK_WORK");
        assertThat(BetRows.of(jdbc, bet)).isEqualTo(rows);
        assertThat(tasklistTasks("priya", bet)).extracting(Task::getId).containsExactly(task.getId());

        completeInTasklist("priya", "product", task, "We keep an EU replica");

        assertThat(myTasks("priya", bet)).isEmpty();
        assertThat(tasklistTasks("priya", bet)).isEmpty();
        assertThat(acknowledgementsOf(bet, constraint)).containsExactly("priya:We keep an EU replica");
        // acknowledging in Tandem afterwards neither fails nor records a second acknowledgement
        Payload again = driver.acknowledgeConstraint("priya", constraint, "Acknowledged twice");
        assertThat(again.ok()).isTrue();
        assertThat(acknowledgements(again)).containsExactly("priya:We keep an EU replica");

        driver.mutateOk("erin", "markDelivered", input("betId", bet));
        assertThat(driver.mutateOk("priya", "confirmDelivery", input("betId", bet)).betStage()).isEqualTo("MEASURING");
    }

    @Test
    void aConstraintAddedToABetWhoseWorkflowIsGoneIsRecordedAndAcknowledgedWithoutATask() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        UUID id = GlobalId.require("Bet", bet, "betId");
        runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id.toString())
                .singleResult().getId(), "removed behind Tandem's back");

        String constraint = driver.addConstraint("erin", bet, TITLE, "BLOCKING");

        assertThat(acknowledgementsOf(bet, constraint)).isEmpty();
        assertThat(driver.acknowledgeConstraint("priya", constraint, "Seen").ok()).isTrue();
        assertThat(acknowledgementsOf(bet, constraint)).containsExactly("priya:Seen");
    }

    @Test
    void anAcknowledgementTaskHeldBySomeoneElseIsTheirsToComplete() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        String constraint = driver.addConstraint("erin", bet, TITLE, "SHAPING");
        String taskId = (String) acknowledgementTaskIn(myTasks("paul", bet)).get("taskId");
        driver.mutateOk("paul", "claimTask", input("taskId", taskId));
        Map<String, Object> before = driver.state(bet);

        assertThat(driver.acknowledgeConstraint("priya", constraint, null).errorCodes()).containsExactly("CONFLICT");
        assertThat(driver.state(bet)).isEqualTo(before);

        assertThat(driver.acknowledgeConstraint("paul", constraint, null).ok()).isTrue();
        assertThat(acknowledgementsOf(bet, constraint)).containsExactly("paul:null");
        assertThat(myTasks("paul", bet)).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Expects exactly one CONSTRAINTS_UNACKNOWLEDGED and nothing changed: not the bet as read, not a row written. */
    private void refusedWithoutChange(String bet, Supplier<Payload> attempt) {
        Map<String, Object> before = driver.state(bet);
        Map<String, Long> rows = BetRows.of(jdbc, bet);

        Payload refused = attempt.get();

        assertThat(refused.errorCodes()).containsExactly("CONSTRAINTS_UNACKNOWLEDGED");
        assertThat(refused.bet()).isNull();
        assertThat(driver.state(bet)).isEqualTo(before);
        assertThat(BetRows.of(jdbc, bet)).isEqualTo(rows);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> myTasks(String user, String bet) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) as(user).documentName("myTasks").variable("first", 20)
                .variable("filterBy", Map.of("betId", bet)).execute().path("myTasks.edges").entity(List.class).get();
        return edges.stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    private static Map<String, Object> acknowledgementTaskIn(List<Map<String, Object>> tasks) {
        assertThat(tasks).extracting(t -> t.get("step")).contains(ACKNOWLEDGE_CONSTRAINT);
        return tasks.stream().filter(t -> ACKNOWLEDGE_CONSTRAINT.equals(t.get("step"))).findFirst().orElseThrow();
    }

    /** What Tasklist lists for a product person: the bet's open tasks offered to their group. */
    private List<Task> tasklistTasks(String user, String bet) {
        UUID id = GlobalId.require("Bet", bet, "betId");
        return asTasklistUser(user, "product", () -> taskService.createTaskQuery().processInstanceBusinessKey(id.toString())
                .taskCandidateGroupIn(List.of("product")).list());
    }

    /** Completes the task in Tasklist with a response typed into its form. */
    private void completeInTasklist(String user, String group, Task task, String response) {
        asTasklistUser(user, group, () -> {
            taskService.complete(task.getId(), Map.of("response", response));
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> acknowledgements(Payload payload) {
        return ((List<Map<String, Object>>) payload.get("constraint").get("acknowledgements")).stream()
                .map(a -> a.get("acknowledgedBy") + ":" + a.get("response")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> acknowledgementsOf(String bet, String constraint) {
        List<Map<String, Object>> constraints = (List<Map<String, Object>>) as("lena")
                .document("query($id: ID!) { bet(id: $id) { constraints { id acknowledgements { acknowledgedBy response } } } }")
                .variable("id", bet).execute().path("bet.constraints").entity(List.class).get();
        return constraints.stream().filter(c -> constraint.equals(c.get("id")))
                .flatMap(c -> ((List<Map<String, Object>>) c.get("acknowledgements")).stream())
                .map(a -> a.get("acknowledgedBy") + ":" + a.get("response")).toList();
    }

    private LiveSocket socket(String user) {
        return sockets.open(port, user);
    }

    private static Predicate<Map<String, Object>> kind(String kind) {
        return event -> kind.equals(event.get("kind"));
    }

    private static Predicate<Map<String, Object>> step(String step) {
        return event -> step.equals(event.get("step"));
    }
}
