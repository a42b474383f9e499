package io.tandem.inbox;

import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.decision.Gate;
import io.tandem.graphql.GlobalId;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox's candidate index (inbox_candidate, kept by a trigger on the engine's candidate links): pages read
 * through it hold exactly what the full scan of the engine's tables finds, it follows links changed through the
 * engine's own API, and installing it (migration V19, as the owner of the engine's tables) copies the links already there.
 */
class CandidateIndexTest extends GraphQlTestBase {

    @Autowired
    private InboxQuery query;
    /** The trigger migration V19 puts on the engine's candidate links. */
    private static final String TRIGGER = "inbox_candidate_mirror";

    @Autowired
    private TaskService taskService;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void pagesReadThroughTheIndexHoldWhatTheFullScanFinds() {
        List<String> bets = List.of(driver.framingGateOpen(), driver.framingGateOpen(), driver.framingGateOpen("productLead", "paul"),
                driver.framingGateOpen("engineeringLead", "ethan"), driver.framingGateOpen());
        driver.mutateOk("priya", "claimTask", input("taskId", productFramingTask(bets.get(0))));
        driver.mutateOk("sam", "claimTask", input("taskId", productFramingTask(bets.get(1))));

        Map<String, List<String>> people = Map.of("priya", List.of("product"), "paul", List.of("product"),
                "erin", List.of("engineering"), "ethan", List.of("engineering"),
                "sam", List.of("product", "engineering"), "lena", List.of("leadership"));
        int compared = 0;
        for (Map.Entry<String, List<String>> person : people.entrySet()) {
            for (TaskOrder order : TaskOrder.values()) {
                for (Boolean claimed : Arrays.asList(null, true, false)) {
                    for (boolean ascending : List.of(true, false)) {
                        compared += compare(new InboxQuery.Page(person.getKey(), person.getValue(), null, null, claimed, null,
                                Instant.now(), order, ascending, null, null, 10));
                    }
                }
            }
        }
        for (String person : List.of("priya", "sam")) {
            for (TaskOrder order : TaskOrder.values()) {
                for (List<String> steps : List.of(BetLifecycle.signTasksOf(Gate.FRAMING), List.of("task_write_brief"))) {
                    compared += compare(new InboxQuery.Page(person, people.get(person), steps, null, null, false,
                            Instant.now(), order, true, null, null, 3));
                }
                // now, and ten years on, when every task with a due time is overdue and those without one still are not
                for (Instant now : List.of(Instant.now(), Instant.now().plus(java.time.Duration.ofDays(3650)))) {
                    for (Boolean overdue : Arrays.asList(true, false)) {
                        compared += compare(new InboxQuery.Page(person, people.get(person), null, null, null, overdue,
                                now, order, true, null, null, 4));
                    }
                }
            }
        }
        assertThat(compared).as("the comparisons saw tasks").isGreaterThan(20);
    }

    @Test
    void followsCandidateLinksChangedThroughTheEnginesApi() {
        String task = productFramingTask(driver.framingGateOpen());
        assertThat(inboxOf("lena")).doesNotContain(task);

        taskService.addCandidateUser(task, "lena");
        assertThat(inboxOf("lena")).contains(task);

        taskService.deleteCandidateUser(task, "lena");
        assertThat(inboxOf("lena")).doesNotContain(task);
    }

    @Test
    void installingCopiesTheLinksAlreadyThere() {
        String task = productFramingTask(driver.framingGateOpen());
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.ownerDataSource(TestDatabase.url()));
        assertThatThrownBy(() -> jdbc.execute("drop trigger " + TRIGGER + " on act_ru_identitylink"))
                .as("only the owner of the engine's tables may").rootCause().hasMessageContaining("must be owner");
        owner.execute("drop trigger " + TRIGGER + " on act_ru_identitylink");
        jdbc.update("delete from inbox_candidate");
        taskService.addCandidateUser(task, "lena");

        assertThatThrownBy(() -> jdbc.queryForObject("select inbox_candidate_install()", Boolean.class))
                .as("the application's user cannot put a trigger on the engine's table").rootCause()
                .hasMessageContaining("permission denied for table act_ru_identitylink");
        // what migration V19 runs
        assertThat(owner.queryForObject("select inbox_candidate_install()", Boolean.class)).isTrue();
        assertThat(owner.queryForObject("select inbox_candidate_install()", Boolean.class)).as("once").isFalse();

        assertThat(inboxOf("lena")).contains(task);
        assertThat(jdbc.queryForObject("select count(*) from inbox_candidate", Long.class)).isEqualTo(jdbc.queryForObject(
                "select count(*) from act_ru_identitylink where type_ = 'candidate' and task_id_ is not null", Long.class));
        taskService.deleteCandidateUser(task, "lena");
        assertThat(inboxOf("lena")).as("the trigger is back").doesNotContain(task);
    }

    /** Both ways read the same tasks in the same order, page after page, and the count is how many there are. */
    private int compare(InboxQuery.Page first) {
        List<String> scanned = allPages(first, true);
        assertThat(allPages(first, false)).as(first.toString()).isEqualTo(scanned);
        assertThat(query.count(first)).as("count of " + first).isEqualTo(scanned.size());
        return scanned.size();
    }

    /** Task ids of every page, each page starting after the last task of the one before, as a cursor does. */
    private List<String> allPages(InboxQuery.Page first, boolean scan) {
        List<String> ids = new ArrayList<>();
        InboxQuery.Page page = first;
        for (int pages = 0; pages < 1000; pages++) {
            List<InboxTask> found = scan ? query.pageByScan(page) : query.pageByCandidates(page);
            List<InboxTask> shown = found.subList(0, Math.min(page.size(), found.size()));
            shown.forEach(task -> ids.add(task.taskId()));
            if (found.size() <= page.size()) {
                return ids;
            }
            InboxTask last = shown.get(shown.size() - 1);
            page = new InboxQuery.Page(page.userId(), page.groups(), page.steps(), null, page.claimed(), page.overdue(),
                    page.now(), page.order(), page.ascending(), page.order().cursorValue(page.order().cursorKeys(last)),
                    last.taskId(), page.size());
        }
        throw new AssertionError("more than 1000 pages");
    }

    @SuppressWarnings("unchecked")
    private List<String> inboxOf(String user) {
        Map<String, Object> connection = as(user).documentName("myTasks").variable("first", 50).execute()
                .path("myTasks").entity(Map.class).get();
        return ((List<Map<String, Object>>) connection.get("edges")).stream()
                .map(edge -> (String) ((Map<?, ?>) edge.get("node")).get("taskId")).toList();
    }

    private String productFramingTask(String bet) {
        return jdbc.queryForObject("select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " where e.business_key_ = ? and t.task_def_key_ = ?", String.class,
                GlobalId.parse(bet).orElseThrow().id().toString(), PRODUCT_FRAMING);
    }
}
