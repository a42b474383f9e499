package io.tandem.lifecycle;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.StandIns;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.impl.persistence.entity.PropertyChange;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Who may hold a workflow task, for every door (GraphQL, Tasklist, the engine's API). Its candidates come from the
 * BPMN (a role's group, or the bet's named lead for a sign-off: TaskCandidates); claiming, handing over and letting
 * go must fit them, and only the holder of a claimed task may complete it. A sign-off that can stall gets its due
 * time (opened plus the stall threshold). A refusal throws inside the engine's transaction, so nothing changes.
 */
@Component("taskRules")
class TaskRules implements TaskListener {

    private static final ThreadLocal<Boolean> MOVING = new ThreadLocal<>();

    private final BetService bets;
    private final EngineUsers engineUsers;
    private final IdentityService identityService;
    private final StallSettings stall;
    private final StandIns standIns;
    private final TaskCandidates candidates;

    TaskRules(BetService bets, EngineUsers engineUsers, IdentityService identityService, StallSettings stall,
              StandIns standIns, TaskCandidates candidates) {
        this.candidates = candidates;
        this.bets = bets;
        this.standIns = standIns;
        this.engineUsers = engineUsers;
        this.identityService = identityService;
        this.stall = stall;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> opened(task);
            case EVENTNAME_UPDATE -> {
                PropertyChange assignee = ((TaskEntity) task).getPropertyChanges().get(TaskEntity.ASSIGNEE);
                if (assignee != null) {
                    reassigned(task, (String) assignee.getOrgValue(), (String) assignee.getNewValue());
                }
            }
            case EVENTNAME_COMPLETE -> completing(task);
            default -> { }
        }
    }

    private void opened(DelegateTask task) {
        task.setName(TaskNames.of(task.getName(), bet(task)));
        if (BetLifecycle.stalls(task.getTaskDefinitionKey())) {
            task.setDueDate(Date.from(task.getCreateTime().toInstant().plus(stall.stalledAfter())));
        }
    }

    /** Runs a change of holder that Tandem makes itself when who signs a side changed (SideTasks). */
    static void movingTasks(Runnable move) {
        MOVING.set(Boolean.TRUE);
        try {
            move.run();
        } finally {
            MOVING.remove();
        }
    }

    private void reassigned(DelegateTask task, String from, String to) {
        if (MOVING.get() != null) {
            return;
        }
        EngineUser actor = engineUsers.current();
        boolean admin = actor.groups().contains(Role.ADMIN.group());
        if (from != null && !from.equals(actor.id()) && !admin) {
            throw new RuleViolation(ErrorCode.CONFLICT, "taskId",
                    "'" + task.getName() + "' is held by " + from + "; only they can hand it over or let it go");
        }
        if (to == null) {
            return;
        }
        Role role = BetLifecycle.roleOf(task.getTaskDefinitionKey()).orElse(null);
        if (role == null) {
            return;
        }
        if (from == null && !to.equals(actor.id()) && !admin && !actor.groups().contains(role.group())) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "taskId",
                    "Only someone with the " + role.group() + " role (or an admin) can give '" + task.getName() + "' to someone");
        }
        List<String> groups = to.equals(actor.id()) ? actor.groups() : groupsOf(to);
        if (!groups.contains(role.group())) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "to", to + " does not hold the " + role.group()
                    + " role that '" + task.getName() + "' waits on");
        }
        Bet bet = bet(task);
        String lead = candidates.signerOf(bet, task.getTaskDefinitionKey());
        if (role == Role.LEADERSHIP && !to.equals(lead)) {
            throw new RuleViolation(ErrorCode.NOT_THE_ASKER, "to", "Only " + lead + ", who made the ask, co-signs '"
                    + task.getName() + "'");
        }
        if (lead != null && !lead.equals(to) && !standIns.activeFor(bet.getId(), role).contains(to)) {
            throw new RuleViolation(ErrorCode.NOT_THE_LEAD, "to", "The bet names " + lead + " as its " + role.group()
                    + " lead: only they sign '" + task.getName() + "'");
        }
    }

    private void completing(DelegateTask task) {
        String holder = task.getAssignee();
        if (holder != null && !holder.equals(engineUsers.current().id())) {
            throw new RuleViolation(ErrorCode.CONFLICT, "taskId",
                    "'" + task.getName() + "' is held by " + holder + "; ask them to hand it over first");
        }
    }

    private List<String> groupsOf(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw RuleViolation.invalid("to", "Nobody with the id '" + userId + "' has used Tandem yet");
        }
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    private Bet bet(DelegateTask task) {
        return bets.find(UUID.fromString(task.getExecution().getProcessBusinessKey())).orElseThrow();
    }
}
