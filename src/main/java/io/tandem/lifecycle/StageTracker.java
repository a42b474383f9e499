package io.tandem.lifecycle;

import io.tandem.bet.BetService;
import io.tandem.bet.Stage;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Called from the BPMN (execution listeners) to keep the bet's stage equal to where its process is. */
/** Public because the BPMN expression language reaches it by reflection. */
@Component("stageTracker")
public class StageTracker {

    private final BetService bets;
    private final ApplicationEventPublisher events;

    StageTracker(BetService bets, ApplicationEventPublisher events) {
        this.bets = bets;
        this.events = events;
    }

    public void enter(DelegateExecution execution, String stage) {
        moveTo(execution, Stage.valueOf(stage));
    }

    public void close(DelegateExecution execution) {
        moveTo(execution, Stage.CLOSED);
    }

    private void moveTo(DelegateExecution execution, Stage stage) {
        UUID betId = UUID.fromString(execution.getProcessBusinessKey());
        bets.enterStage(betId, stage);
        execution.getProcessInstance().setVariable(BetLifecycle.VAR_STAGE, stage.name());
        events.publishEvent(new StageEntered(betId, stage));
    }
}
