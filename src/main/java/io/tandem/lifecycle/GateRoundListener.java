package io.tandem.lifecycle;

import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Each time a gate opens it gets a new round id; sign-offs count only within their round. */
@Component("gateRoundListener")
class GateRoundListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariableLocal(BetLifecycle.VAR_GATE_ROUND, UUID.randomUUID().toString());
    }
}
