package io.tandem.lifecycle;

import io.tandem.bet.BetCreated;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts a bet's process in the transaction that creates the bet: both exist, or neither. */
@Component
class LifecycleStarter {

    private final RuntimeService runtimeService;

    LifecycleStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void on(BetCreated created) {
        runtimeService.startProcessInstanceByKey(BetLifecycle.PROCESS_KEY, created.betId().toString(),
                Map.of(BetLifecycle.VAR_BET_ID, created.betId().toString()));
    }
}
