package io.tandem.engineaccess;

import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.shared.OwnEngineCalls;
import io.tandem.support.GraphQlTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.filter.Filter;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Tasklist lists, as its signed-in users see it through the engine: each task names its bet, the default filter
 * holds exactly what the person may act on (the same tasks as myTasks), and the bet's key, title and stage are
 * process variables the lists show.
 */
class TasklistListsTest extends GraphQlTestBase {

    @Autowired
    private FilterService filters;
    @Autowired
    private TasklistFilters tasklistFilters;
    @Autowired
    private TaskService taskService;
    @Autowired
    private RuntimeService runtimeService;

    @Test
    void aTaskSaysWhichBetItIsForAndFollowsTheBetsTitle() {
        String bet = driver.framingGateOpen("title", "Faster checkout", "productLead", "paul");
        String key = (String) driver.state(bet).get("key");

        assertThat(engineTask(bet, PRODUCT_FRAMING).getName()).isEqualTo("Sign framing gate (product) — " + key + " Faster checkout");
        driver.mutateOk("paul", "updateBet", input("betId", bet, "title", "One-page checkout"));

        assertThat(engineTask(bet, PRODUCT_FRAMING).getName()).isEqualTo("Sign framing gate (product) — " + key + " One-page checkout");
        assertThat(engineTask(bet, ENGINEERING_FRAMING).getName()).endsWith(key + " One-page checkout");
        String process = engineTask(bet, PRODUCT_FRAMING).getProcessInstanceId();
        assertThat(runtimeService.getVariables(process)).containsEntry("betKey", key)
                .containsEntry("betTitle", "One-page checkout").containsEntry("stage", "FRAMING");
    }

    @Test
    void theDefaultFilterHoldsWhatThePersonMayActOnAndNothingElse() {
        String led = driver.framingGateOpen("productLead", "paul");
        String open = driver.framingGateOpen();
        List<Filter> all = filters.createFilterQuery().list();
        assertThat(all).extracting(Filter::getName)
                .containsExactlyInAnyOrder("What I may act on", "My tasks", "My role's tasks", "Overdue");
        Filter actionable = all.stream().filter(f -> f.getName().equals("What I may act on")).findFirst().orElseThrow();
        assertThat(all).filteredOn(f -> List.of("My tasks", "My role's tasks", "Overdue").contains(f.getName()))
                .allSatisfy(other -> assertThat((Integer) other.getProperties().get("priority"))
                        .isGreaterThan((Integer) actionable.getProperties().get("priority")));

        List<String> priyas = steps(actionable, "priya", "product", led, open);
        List<String> erins = steps(actionable, "erin", "engineering", led, open);

        assertThat(priyas).containsExactly(open + ":" + PRODUCT_FRAMING);
        assertThat(erins).containsExactlyInAnyOrder(led + ":" + ENGINEERING_FRAMING, open + ":" + ENGINEERING_FRAMING);
        assertThat(steps(actionable, "paul", "product", led, open)).containsExactlyInAnyOrder(led + ":" + PRODUCT_FRAMING,
                open + ":" + PRODUCT_FRAMING);
        assertThat(driver.inboxSteps("priya", open)).containsExactly(PRODUCT_FRAMING);
        assertThat(driver.inboxSteps("priya", led)).isEmpty();
    }

    /** The filter's tasks of these bets, as Tasklist lists them for a signed-in person, as "bet:step". */
    private List<String> steps(Filter filter, String user, String group, String... bets) {
        List<Task> listed = asTasklistUser(user, group, () -> filters.list(filter.getId()));
        Map<String, String> byProcess = new HashMap<>();
        for (String bet : bets) {
            byProcess.put(engineTask(bet, ENGINEERING_FRAMING).getProcessInstanceId(), bet);
        }
        return listed.stream().filter(t -> byProcess.containsKey(t.getProcessInstanceId()))
                .map(t -> byProcess.get(t.getProcessInstanceId()) + ":" + t.getTaskDefinitionKey()).toList();
    }

    @Test
    void theEngineStartersCatchAllFilterIsGoneAtTheNextStart() {
        OwnEngineCalls.run(() -> filters.saveFilter(filters.newTaskFilter("All tasks").setQuery(taskService.createTaskQuery())));

        tasklistFilters.create();

        assertThat(filters.createFilterQuery().filterName("All tasks").count()).isZero();
        assertThat(filters.createFilterQuery().count()).isEqualTo(4);
    }
}
