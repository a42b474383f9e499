package io.tandem.lifecycle;

import io.tandem.ask.Asks;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When an ask's OPTIONS gate ends unanswered (the window passed, the bet was killed, delivery ended), its ask lapses, so
 * no ask stays open without a gate. An answered ask was accepted or declined already and stays so.
 */
@Component("askLapse")
class AskLapse implements ExecutionListener {

    private final Asks asks;

    AskLapse(Asks asks) {
        this.asks = asks;
    }

    @Override
    public void notify(DelegateExecution execution) {
        asks.lapse(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
