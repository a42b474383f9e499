package io.tandem.lifecycle;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import java.util.Date;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Timer durations come from the bet (ISO-8601), read when the timer starts. */
/** Public because the BPMN expression language reaches it by reflection. */
@Component("betDurations")
public class BetDurations {

    private final BetService bets;

    BetDurations(BetService bets) {
        this.bets = bets;
    }

    public String spikeTimebox(DelegateExecution execution) {
        return bet(execution).getSpikeTimebox();
    }

    public String measurementPeriod(DelegateExecution execution) {
        return bet(execution).getMeasurementPeriod();
    }

    /** The escalation fires when the committed window date has ended (midnight UTC after it). */
    public Date windowDeadline(DelegateExecution execution) {
        return WindowTimer.deadline(bet(execution).getWindowDate());
    }

    private Bet bet(DelegateExecution execution) {
        return bets.find(UUID.fromString(execution.getProcessBusinessKey())).orElseThrow();
    }
}
