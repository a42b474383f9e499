package io.tandem.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;

/**
 * Where one process instance has been and where it waits, read from the engine's history and runtime: the few
 * assertions these tests need. Operaton lists an assert library (operaton-bpm-assert) in its BOM, but it is not
 * published on Maven Central, so the engine's own queries answer instead.
 */
final class ProcessPath {

    private final HistoryService history;
    private final RuntimeService runtime;
    private final String processInstanceId;

    private ProcessPath(ProcessEngine engine, UUID bet) {
        this.history = engine.getHistoryService();
        this.runtime = engine.getRuntimeService();
        this.processInstanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(bet.toString())
                .singleResult().getId();
    }

    /** The path of the bet's one process instance, running or ended. */
    static ProcessPath of(ProcessEngine engine, UUID bet) {
        return new ProcessPath(engine, bet);
    }

    /** Each of these activities was entered and left at least once. */
    ProcessPath hasPassed(String... activityIds) {
        assertThat(passed()).as("activities passed").contains(activityIds);
        return this;
    }

    /** None of these activities was ever left. */
    ProcessPath hasNotPassed(String... activityIds) {
        assertThat(passed()).as("activities passed").doesNotContain(activityIds);
        return this;
    }

    ProcessPath isEnded() {
        assertThat(isRunning()).as("process instance %s is running", processInstanceId).isFalse();
        return this;
    }

    ProcessPath isNotEnded() {
        assertThat(isRunning()).as("process instance %s is running", processInstanceId).isTrue();
        return this;
    }

    /** The instance waits at each of these activities (it may wait at others too). */
    ProcessPath isWaitingAt(String... activityIds) {
        isNotEnded();
        assertThat(runtime.getActiveActivityIds(processInstanceId)).as("activities waiting").contains(activityIds);
        return this;
    }

    private List<String> passed() {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished().list()
                .stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    private boolean isRunning() {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }
}
