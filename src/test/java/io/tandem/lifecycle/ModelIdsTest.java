package io.tandem.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.bet.Stage;
import io.tandem.decision.Gate;
import io.tandem.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BoundaryEvent;
import org.operaton.bpm.model.bpmn.instance.FlowElement;
import org.operaton.bpm.model.bpmn.instance.Message;
import org.operaton.bpm.model.bpmn.instance.MessageEventDefinition;
import org.operaton.bpm.model.bpmn.instance.StartEvent;
import org.operaton.bpm.model.bpmn.instance.SubProcess;
import org.operaton.bpm.model.bpmn.instance.TimerEventDefinition;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;

/**
 * The element ids that BetLifecycle names, kept in step with bpmn/bet-lifecycle.bpmn: every sign-off and work step is a
 * user task of the model and every user task is one of them; each gate's subprocess, each stage's entry, each timer
 * and stall timer, and each message the code correlates exists with the kind the code expects. No Spring, no engine:
 * the model read as the engine reads it.
 */
class ModelIdsTest {

    private static final BpmnModelInstance MODEL = read();

    @Test
    void everyStepTheCodeNamesIsAUserTaskAndEveryUserTaskIsAStep() {
        Set<String> steps = BetLifecycle.SIGN_STEPS.stream().map(BetLifecycle.SignStep::taskKey).collect(Collectors.toSet());
        BetLifecycle.WORK_STEPS.forEach(step -> steps.add(step.taskKey()));

        assertThat(MODEL.getModelElementsByType(UserTask.class)).extracting(UserTask::getId)
                .containsExactlyInAnyOrderElementsOf(steps);
    }

    @Test
    void eachGateHasItsSubprocessAndEachStageItsEntry() {
        for (Gate gate : Gate.values()) {
            assertThat(element(BetLifecycle.gateSubprocess(gate))).as(gate.name()).isInstanceOf(SubProcess.class);
            assertThat(BetLifecycle.sidesOf(gate)).as(gate + " has both sides").contains(Role.PRODUCT, Role.ENGINEERING);
            assertThat(BetLifecycle.signTasksOf(gate)).as(gate + ": a task per side").hasSameSizeAs(BetLifecycle.sidesOf(gate));
        }
        Arrays.stream(Stage.values()).filter(stage -> stage != Stage.CLOSED)
                .forEach(stage -> assertThat(element(BetLifecycle.stageEntry(stage))).as(stage.name()).isNotNull());
    }

    @Test
    void theTimersAndMessagesTheCodeNamesExist() {
        for (String timer : List.of(BetLifecycle.TIMER_SPIKE_TIMEBOX, BetLifecycle.TIMER_MEASUREMENT_PERIOD,
                BetLifecycle.TIMER_WINDOW_REACHED)) {
            FlowElement event = element(timer);
            assertThat(event).as(timer).isNotNull();
            assertThat(event.getChildElementsByType(TimerEventDefinition.class)).as(timer + " is a timer").isNotEmpty();
        }
        BetLifecycle.SIGN_STEPS.stream().map(BetLifecycle.SignStep::taskKey).filter(BetLifecycle::stalls).forEach(task ->
                assertThat(element(BetLifecycle.STALL_TIMER_PREFIX + task)).as("stall timer of " + task)
                        .isInstanceOf(BoundaryEvent.class));
        Set<String> messages = MODEL.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
        assertThat(messages).contains(BetLifecycle.MESSAGE_KILL_PROPOSED, BetLifecycle.MESSAGE_VOID_PROPOSED,
                BetLifecycle.MESSAGE_CHANGE_REQUESTED, BetLifecycle.MESSAGE_CONSTRAINT_ADDED,
                BetLifecycle.MESSAGE_CORRECTION_PROPOSED, BetLifecycle.MESSAGE_CLOSED_BET_CORRECTION_PROPOSED);
    }

    @Test
    void aCorrectionReachesItsGateFromTheOpenStagesAndAsTheStartOfAClosedBetsProcess() {
        SubProcess gate = (SubProcess) element(BetLifecycle.gateSubprocess(Gate.CORRECTION));
        assertThat(gate.getParentElement()).as("the gate is outside the stages, so it outlives them")
                .isSameAs(MODEL.getModelElementById(BetLifecycle.PROCESS_KEY));
        assertThat(MODEL.getModelElementsByType(BoundaryEvent.class)).filteredOn(event ->
                        event.getAttachedTo().getId().equals("subprocess_stages") && !event.cancelActivity()
                                && event.getEventDefinitions().stream().anyMatch(definition -> definition instanceof MessageEventDefinition m
                                && m.getMessage().getName().equals(BetLifecycle.MESSAGE_CORRECTION_PROPOSED)))
                .as("a non-interrupting boundary event of the stages receives an open bet's correction").hasSize(1);
        assertThat(MODEL.getModelElementsByType(StartEvent.class)).filteredOn(event ->
                        event.getEventDefinitions().stream().anyMatch(definition -> definition instanceof MessageEventDefinition m
                                && m.getMessage().getName().equals(BetLifecycle.MESSAGE_CLOSED_BET_CORRECTION_PROPOSED)))
                .as("a message start event of the process starts a closed bet's correction")
                .singleElement().satisfies(start -> assertThat(start.getParentElement())
                        .isSameAs(MODEL.getModelElementById(BetLifecycle.PROCESS_KEY)));
    }

    @Test
    void everyUserTaskHasAName() {
        assertThat(MODEL.getModelElementsByType(UserTask.class)).allSatisfy(task ->
                assertThat(task.getName()).as(task.getId()).isNotBlank());
    }

    private static FlowElement element(String id) {
        ModelElementInstance element = MODEL.getModelElementById(id);
        return element instanceof FlowElement flow ? flow : null;
    }

    private static BpmnModelInstance read() {
        try (InputStream bpmn = ModelIdsTest.class.getResourceAsStream("/bpmn/bet-lifecycle.bpmn")) {
            return Bpmn.readModelFromStream(bpmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
