package io.tandem.lifecycle;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.StandIns;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whom a sign-off waits on, as the BPMN's candidate expressions ask when the task opens: the bet's named lead for
 * that side if there is one (only they, and whoever stands in for them, sign: docs/product.md, "Two people at every
 * gate"), otherwise everyone with the role. Tasklist and myTasks both read these candidates. Public because the BPMN
 * expression language reaches it by reflection.
 */
@Component("taskCandidates")
public class TaskCandidates {

    private final BetService bets;
    private final StandIns standIns;

    TaskCandidates(BetService bets, StandIns standIns) {
        this.bets = bets;
        this.standIns = standIns;
    }

    public List<String> groups(DelegateExecution execution, String group) {
        return lead(execution) == null ? List.of(group) : List.of();
    }

    /** The side's lead and whoever stands in for them right now (stewardship/StandInSchedule offers it to later ones). */
    public List<String> users(DelegateExecution execution) {
        String lead = lead(execution);
        if (lead == null) {
            return List.of();
        }
        List<String> users = new ArrayList<>(List.of(lead));
        BetLifecycle.signStep(execution.getCurrentActivityId()).ifPresent(step ->
                users.addAll(standIns.activeFor(UUID.fromString(execution.getProcessBusinessKey()), step.role())));
        return users;
    }

    private String lead(DelegateExecution execution) {
        Bet bet = bets.find(UUID.fromString(execution.getProcessBusinessKey())).orElseThrow();
        return BetLifecycle.leadOf(bet, execution.getCurrentActivityId());
    }
}
