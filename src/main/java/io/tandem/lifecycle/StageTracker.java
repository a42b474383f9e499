package io.tandem.lifecycle;

import io.tandem.bet.BetService;
import io.tandem.bet.Stage;
import io.tandem.inbox.BetChange;
import io.tandem.inbox.LiveEvents;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Called from the BPMN (execution listeners) to keep the bet's stage equal to where its process is. */
/** Public because the BPMN expression language reaches it by reflection. */
@Component("stageTracker")
public class StageTracker {

    private final BetService bets;
    private final LiveEvents live;

    StageTracker(BetService bets, LiveEvents live) {
        this.bets = bets;
        this.live = live;
    }

    public void enter(DelegateExecution execution, String stage) {
        bets.enterStage(UUID.fromString(execution.getProcessBusinessKey()), Stage.valueOf(stage));
        live.betChanged(UUID.fromString(execution.getProcessBusinessKey()), BetChange.Kind.STAGE_CHANGED, "Entered " + stage);
    }

    public void close(DelegateExecution execution) {
        bets.enterStage(UUID.fromString(execution.getProcessBusinessKey()), Stage.CLOSED);
        live.betChanged(UUID.fromString(execution.getProcessBusinessKey()), BetChange.Kind.STAGE_CHANGED, "Entered CLOSED");
    }
}
