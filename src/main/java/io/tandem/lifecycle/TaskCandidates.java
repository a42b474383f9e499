package io.tandem.lifecycle;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import java.util.List;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whom a sign-off waits on, as the BPMN's candidate expressions ask when the task opens: the bet's named lead for
 * that side if there is one (only they sign: docs/product.md, "Two people at every gate"), otherwise everyone with the
 * role. Tasklist and myTasks both read these candidates. Public because the BPMN expression language reaches it by
 * reflection.
 */
@Component("taskCandidates")
public class TaskCandidates {

    private final BetService bets;

    TaskCandidates(BetService bets) {
        this.bets = bets;
    }

    public List<String> groups(DelegateExecution execution, String group) {
        return lead(execution) == null ? List.of(group) : List.of();
    }

    public List<String> users(DelegateExecution execution) {
        String lead = lead(execution);
        return lead == null ? List.of() : List.of(lead);
    }

    private String lead(DelegateExecution execution) {
        Bet bet = bets.find(UUID.fromString(execution.getProcessBusinessKey())).orElseThrow();
        return BetLifecycle.leadOf(bet, execution.getCurrentActivityId());
    }
}
