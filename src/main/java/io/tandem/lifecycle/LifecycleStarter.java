package io.tandem.lifecycle;

import io.tandem.bet.Bet;
import io.tandem.bet.BetCreated;
import io.tandem.bet.BetService;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts a bet's process in the transaction that creates the bet: both exist, or neither. */
@Component
class LifecycleStarter {

    private final RuntimeService runtimeService;
    private final BetService bets;

    LifecycleStarter(RuntimeService runtimeService, BetService bets) {
        this.runtimeService = runtimeService;
        this.bets = bets;
    }

    @EventListener
    void on(BetCreated created) {
        Bet bet = bets.find(created.betId()).orElseThrow();
        runtimeService.startProcessInstanceByKey(BetLifecycle.PROCESS_KEY, created.betId().toString(),
                Map.of(BetLifecycle.VAR_BET_ID, created.betId().toString(), BetLifecycle.VAR_BET_KEY, bet.getKey(),
                        BetLifecycle.VAR_BET_TITLE, bet.getTitle(), BetLifecycle.VAR_STAGE, bet.getStage().name()));
    }
}
