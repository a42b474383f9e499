package io.tandem.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.graphql.GlobalId;
import io.tandem.support.BetDriver;
import io.tandem.support.SecondInstances;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.impl.event.EventType;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.EndEvent;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.operaton.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.operaton.bpm.model.bpmn.instance.di.DiagramElement;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;

/**
 * A bet started on a version of the lifecycle from before acknowledgement tasks existed has no subscription for
 * ConstraintAdded; adding a constraint to it moves its process to the latest version and opens the task anyway. So does
 * a correction proposed for a bet on a version from before the CORRECTION gate.
 *
 * Deploying process versions would change the latest version for every other test, so this one runs a Tandem
 * instance of its own, on a database of its own (in this JVM, with an engine of its own name and no job executor, as
 * LocalRunTest starts one).
 */
class OlderProcessVersionTest {

    private static final String ACKNOWLEDGEMENT_SUBPROCESS = "subprocess_constraint_acknowledgement";

    @RegisterExtension
    static final SecondInstances tandem = SecondInstances.onAFreshDatabase("olderVersions");
    private static final BetDriver driver = tandem.driver();

    @Test
    void aConstraintAddedToABetOnAnOlderVersionMovesItToTheLatestAndOpensTheTask() {
        RepositoryService repository = tandem.bean(RepositoryService.class);
        RuntimeService runtime = tandem.bean(RuntimeService.class);
        ManagementService management = tandem.bean(ManagementService.class);
        repository.createDeployment().name("bet-lifecycle before acknowledgement tasks")
                .addModelInstance("bet-lifecycle.bpmn", lifecycleBeforeConstraintTasks()).deploy();
        String bet = driver.createBet("priya");
        driver.commit(bet);
        repository.createDeployment().name("bet-lifecycle").addClasspathResource("bpmn/bet-lifecycle.bpmn").deploy();
        ProcessInstance before = processOf(runtime, bet);
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(BetLifecycle.PROCESS_KEY)
                .latestVersion().singleResult();
        assertThat(before.getProcessDefinitionId()).isNotEqualTo(latest.getId());
        assertThat(subscriptions(runtime, before)).isZero();
        Date window = windowTimer(management, before);

        String constraint = driver.addConstraint("erin", bet, "Card data stays in the EU", "BLOCKING");

        ProcessInstance after = processOf(runtime, bet);
        assertThat(after.getProcessDefinitionId()).isEqualTo(latest.getId());
        assertThat(subscriptions(runtime, after)).as("later constraints open their tasks too").isOne();
        assertThat(windowTimer(management, after)).as("the window escalation keeps its date").isEqualTo(window);
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_mark_delivered", BetLifecycle.TASK_ACKNOWLEDGE_CONSTRAINT);

        driver.mutateOk("erin", "markDelivered", BetDriver.map("betId", bet));
        assertThat(driver.mutate("priya", "confirmDelivery", BetDriver.map("betId", bet)).errorCodes())
                .containsExactly("CONSTRAINTS_UNACKNOWLEDGED");
        assertThat(driver.acknowledgeConstraint("priya", constraint, null).ok()).isTrue();
        assertThat(driver.waitingOn(bet)).containsExactly("task_confirm_delivery");
        assertThat(driver.mutateOk("priya", "confirmDelivery", BetDriver.map("betId", bet)).betStage()).isEqualTo("MEASURING");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCorrectionProposedForABetOnAVersionWithoutItsGateMovesItToTheLatestAndOpensTheGate() {
        RepositoryService repository = tandem.bean(RepositoryService.class);
        RuntimeService runtime = tandem.bean(RuntimeService.class);
        repository.createDeployment().name("bet-lifecycle before the correction gate")
                .addModelInstance("bet-lifecycle.bpmn", lifecycleBeforeCorrectionGate()).deploy();
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        repository.createDeployment().name("bet-lifecycle").addClasspathResource("bpmn/bet-lifecycle.bpmn").deploy();
        ProcessInstance before = processOf(runtime, bet);
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(BetLifecycle.PROCESS_KEY)
                .latestVersion().singleResult();
        assertThat(before.getProcessDefinitionId()).isNotEqualTo(latest.getId());
        Map<String, Object> log = tandem.as("lena").documentName("decisionLog").variable("id", bet).execute()
                .path("bet.decisions").entity(Map.class).get();
        Object framing = ((List<Map<String, Object>>) log.get("nodes")).get(0).get("id");

        assertThat(driver.mutate("erin", "recordCorrection", BetDriver.map("betId", bet, "supersedes", framing,
                "rationale", "The rate limit is 20 rps")).get("pendingCorrection")).containsEntry("side", "ENGINEERING");

        assertThat(processOf(runtime, bet).getProcessDefinitionId()).isEqualTo(latest.getId());
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_propose_options", "task_sign_correction_product");
        assertThat(driver.sign("priya", bet, "CORRECTION").ok()).isTrue();
        assertThat(driver.decisionKinds(bet)).containsExactly("FRAMING_APPROVED", "CORRECTION");
    }

    /** The lifecycle as deployed before the correction gate: no way into it, and no gate. */
    private static BpmnModelInstance lifecycleBeforeCorrectionGate() {
        BpmnModelInstance model = Bpmn.readModelFromStream(OlderProcessVersionTest.class.getResourceAsStream("/bpmn/bet-lifecycle.bpmn"));
        for (String id : List.of("flow_correction_proposed", "boundary_correction_proposed", "flow_closed_bet_correction_proposed",
                "start_closed_bet_correction", "flow_correction_entry", "gateway_correction_entry", "flow_correction_agreed",
                "end_correction_agreed", "flow_correction_rejected", "end_correction_rejected",
                "boundary_correction_changes_requested", "subprocess_correction_gate", "message_correction_proposed",
                "message_closed_bet_correction_proposed")) {
            ModelElementInstance element = model.getModelElementById(id);
            element.getParentElement().removeChildElement(element);
        }
        List<DiagramElement> orphaned = new ArrayList<>();
        model.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnElement() == null).forEach(orphaned::add);
        model.getModelElementsByType(BpmnEdge.class).stream().filter(e -> e.getBpmnElement() == null).forEach(orphaned::add);
        orphaned.forEach(element -> element.getParentElement().removeChildElement(element));
        return model;
    }

    /** The lifecycle as deployed before: no acknowledgement event subprocess, and the stages end plainly. */
    private static BpmnModelInstance lifecycleBeforeConstraintTasks() {
        BpmnModelInstance model = Bpmn.readModelFromStream(OlderProcessVersionTest.class.getResourceAsStream("/bpmn/bet-lifecycle.bpmn"));
        ModelElementInstance acknowledgement = model.getModelElementById(ACKNOWLEDGEMENT_SUBPROCESS);
        acknowledgement.getParentElement().removeChildElement(acknowledgement);
        // and its drawing: shapes and edges of the elements that went with it
        List<DiagramElement> orphaned = new ArrayList<>();
        model.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnElement() == null).forEach(orphaned::add);
        model.getModelElementsByType(BpmnEdge.class).stream().filter(e -> e.getBpmnElement() == null).forEach(orphaned::add);
        orphaned.forEach(element -> element.getParentElement().removeChildElement(element));
        EndEvent stagesDone = model.getModelElementById("end_stages_done");
        stagesDone.getEventDefinitions().clear();
        return model;
    }

    private static ProcessInstance processOf(RuntimeService runtime, String bet) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(GlobalId.require("Bet", bet, "betId").toString())
                .singleResult();
    }

    private static long subscriptions(RuntimeService runtime, ProcessInstance process) {
        return runtime.createEventSubscriptionQuery().processInstanceId(process.getId()).eventType(EventType.MESSAGE.name())
                .eventName(BetLifecycle.MESSAGE_CONSTRAINT_ADDED).count();
    }

    private static Date windowTimer(ManagementService management, ProcessInstance process) {
        return management.createJobQuery().processInstanceId(process.getId()).timers().activityId(BetLifecycle.TIMER_WINDOW_REACHED)
                .singleResult().getDuedate();
    }
}
