package io.tandem.lifecycle;

import io.tandem.ask.Ask;
import io.tandem.ask.Asks;
import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.StandIns;
import io.tandem.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whom a sign-off waits on, as the BPMN's candidate expressions ask when the task opens: the bet's named lead for
 * that side if there is one (at an ask's OPTIONS gate, leadership's side waits on the asker alone) (only they, and whoever stands in for them, sign: docs/product.md, "Two people at every
 * gate"), otherwise everyone with the role. Tasklist and myTasks both read these candidates. Public because the BPMN
 * expression language reaches it by reflection.
 */
@Component("taskCandidates")
public class TaskCandidates {

    private final BetService bets;
    private final StandIns standIns;
    private final Asks asks;

    TaskCandidates(BetService bets, StandIns standIns, Asks asks) {
        this.asks = asks;
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
        BetLifecycle.signStep(execution.getCurrentActivityId()).filter(step -> step.role() != Role.LEADERSHIP).ifPresent(step ->
                users.addAll(standIns.activeFor(UUID.fromString(execution.getProcessBusinessKey()), step.role())));
        return users;
    }

    private String lead(DelegateExecution execution) {
        Bet bet = bets.find(UUID.fromString(execution.getProcessBusinessKey())).orElseThrow();
        return signerOf(bet, execution.getCurrentActivityId());
    }

    /**
     * The one person a sign-off waits on: the bet's named lead of its side, or at an ask's OPTIONS gate, for leadership's
     * side, the leader who asked (nobody stands in for them). Null when the side names nobody.
     */
    public String signerOf(Bet bet, String taskKey) {
        boolean asker = BetLifecycle.signStep(taskKey).filter(step -> step.role() == Role.LEADERSHIP).isPresent();
        return asker ? asks.open(bet.getId()).map(Ask::askedBy).orElse(null) : BetLifecycle.leadOf(bet, taskKey);
    }
}
