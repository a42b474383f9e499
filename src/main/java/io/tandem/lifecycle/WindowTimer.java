package io.tandem.lifecycle;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Keeps the window-escalation timer on the committed window when both sides move it. */
@Component
class WindowTimer {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    WindowTimer(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    void reschedule(UUID betId, LocalDate window) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(betId.toString())
                .singleResult();
        if (instance == null) {
            return;
        }
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(BetLifecycle.TIMER_WINDOW_REACHED).singleResult();
        if (timer != null) {
            managementService.setJobDuedate(timer.getId(), deadline(window));
        }
    }

    static Date deadline(LocalDate window) {
        return Date.from(window.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
