package io.tandem.lifecycle;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Runs when anyone completes a work step: the right role did it, and its artifact exists. */
@Component("workStepListener")
class WorkStepListener implements TaskListener {

    private final GateRules rules;
    private final EngineUsers engineUsers;

    WorkStepListener(GateRules rules, EngineUsers engineUsers) {
        this.rules = rules;
        this.engineUsers = engineUsers;
    }

    @Override
    public void notify(DelegateTask task) {
        BetLifecycle.WorkStep step = BetLifecycle.workStep(task.getTaskDefinitionKey()).orElseThrow();
        rules.completeWork(UUID.fromString(task.getExecution().getProcessBusinessKey()), step, engineUsers.current());
    }
}
