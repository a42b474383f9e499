package io.tandem.lifecycle;

import io.tandem.ask.Ask;
import io.tandem.ask.AskDraft;
import io.tandem.ask.AskOptionDraft;
import io.tandem.ask.Asks;
import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.Stage;
import io.tandem.decision.Answer;
import io.tandem.decision.CorrectionProposal;
import io.tandem.decision.CorrectionProposed;
import io.tandem.decision.CorrectionService;
import io.tandem.decision.SignOff;
import io.tandem.decision.SignOffs;
import io.tandem.decision.Gate;
import io.tandem.decision.OptionDraft;
import io.tandem.decision.OptionService;
import io.tandem.delivery.ChangeDraft;
import io.tandem.delivery.ChangeRequest;
import io.tandem.delivery.DeliveryService;
import io.tandem.outcome.OutcomeDraft;
import io.tandem.outcome.OutcomeService;
import io.tandem.security.CurrentUser;
import io.tandem.security.Role;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a bet through its process on behalf of a person. Each method claims the bet, stores the step's
 * artifact and completes the workflow task in one transaction; the task listeners decide if it may.
 */
@Service
public class LifecycleService {

    private final BetService bets;
    private final OptionService options;
    private final OutcomeService outcomes;
    private final DeliveryService delivery;
    private final TaskService taskService;
    private final OpenTasks openTasks;
    private final RuntimeService runtimeService;
    private final EngineUsers engineUsers;
    private final TaskEscalationRepository escalations;
    private final ProcessUpgrade upgrade;
    private final SignOffs signOffs;
    private final CorrectionService corrections;
    private final Asks asks;

    LifecycleService(BetService bets, OptionService options, OutcomeService outcomes, DeliveryService delivery, TaskService taskService,
                     OpenTasks openTasks, RuntimeService runtimeService, EngineUsers engineUsers, TaskEscalationRepository escalations,
                     ProcessUpgrade upgrade, SignOffs signOffs, CorrectionService corrections, Asks asks) {
        this.asks = asks;
        this.escalations = escalations;
        this.upgrade = upgrade;
        this.signOffs = signOffs;
        this.corrections = corrections;
        this.bets = bets;
        this.options = options;
        this.outcomes = outcomes;
        this.delivery = delivery;
        this.taskService = taskService;
        this.openTasks = openTasks;
        this.runtimeService = runtimeService;
        this.engineUsers = engineUsers;
    }

    @Transactional
    @PreAuthorize("hasRole('product')")
    public Bet submitBrief(UUID betId, CurrentUser user) {
        return completeWork(betId, BetLifecycle.TASK_WRITE_BRIEF, "the brief to be submitted", user, () -> { });
    }

    @Transactional
    @PreAuthorize("hasRole('engineering')")
    public Bet submitConstraints(UUID betId, CurrentUser user) {
        return completeWork(betId, BetLifecycle.TASK_MAP_CONSTRAINTS, "technical constraints to be mapped", user, () -> { });
    }

    @Transactional
    @PreAuthorize("hasRole('engineering')")
    public Bet recordSpikeFindings(UUID betId, String findings, CurrentUser user) {
        return completeWork(betId, BetLifecycle.TASK_RECORD_FINDINGS, "spike findings", user,
                () -> bets.recordSpikeFindings(betId, Texts.required("findings", findings, Texts.LONG_TEXT_MAX)));
    }

    @Transactional
    @PreAuthorize("hasRole('engineering')")
    public Bet proposeOptions(UUID betId, List<OptionDraft> drafts, CurrentUser user) {
        return completeWork(betId, BetLifecycle.TASK_PROPOSE_OPTIONS, "commitment options", user,
                () -> options.propose(betId, drafts, user.id()));
    }

    @Transactional
    @PreAuthorize("hasRole('product')")
    public Bet recordOutcome(UUID betId, OutcomeDraft outcome, CurrentUser user) {
        return completeWork(betId, BetLifecycle.TASK_RECORD_OUTCOME, "its outcome to be recorded", user,
                () -> outcomes.record(betId, outcome, user.id()));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering','leadership')")
    public Bet signGate(SignGateCommand command, CurrentUser user) {
        Bet bet = bets.claimForChange(command.betId(), "betId");
        if (command.gate() == null) {
            throw RuleViolation.invalid("gate", "gate must be given");
        }
        if (command.gate() != Gate.OPTIONS && !user.has(Role.PRODUCT) && !user.has(Role.ENGINEERING)) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "signAs", "Signing the " + GateRules.gateName(command.gate())
                    + " needs the product or engineering role; leadership signs only the options gates of its own asks");
        }
        Role side = command.gate() == Gate.OPTIONS && coSigns(command.signAs(), user) ? Role.LEADERSHIP
                : user.side(command.signAs());
        Task task = openTask(bet, BetLifecycle.signStep(command.gate(), side).taskKey(),
                "the " + side.group() + " side of the " + GateRules.gateName(command.gate()));
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(BetLifecycle.VAR_ANSWER, (command.answer() == null ? Answer.APPROVE : command.answer()).name());
        inputs.put(BetLifecycle.VAR_CHOICE, command.choice());
        inputs.put(BetLifecycle.VAR_REASON, command.reason());
        inputs.put(BetLifecycle.VAR_FORECAST, command.forecast());
        inputs.put(BetLifecycle.VAR_NON_GOALS, JsonTaskInputs.write(command.nonGoals()));
        inputs.put(BetLifecycle.VAR_RECEIPTS, JsonTaskInputs.write(command.receipts()));
        complete(task, inputs, user);
        return bets.get(bet.getId(), "betId");
    }

    /**
     * Engineering's side of the delivery gate. Its own role check: only engineering marks delivered (docs/product.md,
     * "Roles").
     */
    @Transactional
    @PreAuthorize("hasRole('engineering')")
    public Bet markDelivered(UUID betId, String note, CurrentUser user) {
        return signGate(new SignGateCommand(betId, Gate.DELIVERY, Answer.APPROVE, Role.ENGINEERING, null, note), user);
    }

    /** Product's side of the delivery gate: confirm, or send it back with a reason. Only product confirms. */
    @Transactional
    @PreAuthorize("hasRole('product')")
    public Bet confirmDelivery(UUID betId, Answer answer, String reason, CurrentUser user) {
        return signGate(new SignGateCommand(betId, Gate.DELIVERY, answer, Role.PRODUCT, null, reason), user);
    }

    /** Opens the kill gate; the proposer's own side is signed by proposing. */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public Bet proposeKill(UUID betId, String rationale, Role signAs, CurrentUser user) {
        Bet bet = bets.claimForChange(betId, "betId");
        if (bet.isClosed()) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "The bet is already closed");
        }
        String why = Texts.required("rationale", rationale, Texts.SHORT_TEXT_MAX);
        if (hasOpenTask(betId, Gate.KILL)) {
            throw new RuleViolation(ErrorCode.KILL_PENDING, "betId", "A kill proposal for this bet is already waiting for sign-off");
        }
        Role side = user.side(signAs);
        engineUsers.actAs(user, () -> runtimeService.createMessageCorrelation(BetLifecycle.MESSAGE_KILL_PROPOSED)
                .processInstanceBusinessKey(betId.toString())
                .setVariable(BetLifecycle.VAR_KILL_RATIONALE, why)
                .correlateWithResult());
        Task own = openTask(bet, BetLifecycle.signStep(Gate.KILL, side).taskKey(), "a kill proposal");
        complete(own, Map.of(BetLifecycle.VAR_ANSWER, Answer.APPROVE.name(), BetLifecycle.VAR_REASON, why), user);
        return bets.get(betId, "betId");
    }

    /**
     * Opens the void gate for a bet opened by mistake, during framing only; the proposer's own side is signed by
     * proposing, with the reason. When the other side approves, the bet closes with outcome VOIDED.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public Bet proposeVoid(UUID betId, String reason, Role signAs, CurrentUser user) {
        Bet bet = bets.claimForChange(betId, "betId");
        if (bet.getStage() != Stage.FRAMING) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "A bet is voided during framing only; this one is in "
                    + bet.getStage() + ": propose a kill instead");
        }
        String why = Texts.required("reason", reason, Texts.SHORT_TEXT_MAX);
        if (hasOpenTask(betId, Gate.VOID)) {
            throw new RuleViolation(ErrorCode.VOID_PENDING, "betId", "A void proposal for this bet is already waiting for sign-off");
        }
        Role side = user.side(signAs);
        engineUsers.actAs(user, () -> runtimeService.createMessageCorrelation(BetLifecycle.MESSAGE_VOID_PROPOSED)
                .processInstanceBusinessKey(betId.toString()).correlateWithResult());
        Task own = openTask(bet, BetLifecycle.signStep(Gate.VOID, side).taskKey(), "a void proposal");
        complete(own, Map.of(BetLifecycle.VAR_ANSWER, Answer.APPROVE.name(), BetLifecycle.VAR_REASON, why), user);
        return bets.get(betId, "betId");
    }

    /** At an ask's OPTIONS gate, whether the signer signs leadership's side: they say so, or leadership is all they hold. */
    private static boolean coSigns(Role signAs, CurrentUser user) {
        return signAs == Role.LEADERSHIP
                || signAs == null && user.has(Role.LEADERSHIP) && !user.has(Role.PRODUCT) && !user.has(Role.ENGINEERING);
    }

    /**
     * A leader's ask of a committed bet in delivery: records it and opens the bet's OPTIONS gate, where engineering
     * states the options first (migrating an older process to the latest version to receive it). One ask waits at a
     * time (ASK_PENDING); none while the window escalation is open (WRONG_STAGE). An ask whose gate closed unanswered
     * lapses when the next is made.
     */
    @Transactional
    @PreAuthorize("hasRole('leadership')")
    public Ask makeAsk(UUID betId, AskDraft draft, CurrentUser user) {
        Bet bet = bets.claimForChange(betId, "betId");
        if (bet.getStage() != Stage.DELIVERY) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "Asks are made of a committed bet in delivery; the bet is in "
                    + bet.getStage());
        }
        if (hasOpenTask(betId, Gate.ESCALATION)) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "The bet's window passed undelivered: its window escalation"
                    + " is answered before an ask is made");
        }
        if (openTasks.any(betId, askTasks())) {
            throw new RuleViolation(ErrorCode.ASK_PENDING, "betId", "An ask of this bet already waits at its options gate");
        }
        asks.lapse(betId);
        Ask ask = asks.make(betId, bet.getWindowDate(), draft, user.id());
        ProcessInstance process = runtimeService.createProcessInstanceQuery().processDefinitionKey(BetLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey(betId.toString()).list().stream().findFirst()
                .orElseThrow(() -> new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "Bet " + bet.getKey()
                        + " has no running workflow to open the options gate in; an admin restarts it first"));
        upgrade.toReceive(process, BetLifecycle.MESSAGE_ASK_MADE);
        try {
            engineUsers.actAs(user, () -> runtimeService.createMessageCorrelation(BetLifecycle.MESSAGE_ASK_MADE)
                    .processInstanceId(process.getId()).correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "Bet " + bet.getKey() + " is not in delivery's work: an ask"
                    + " is made while the bet is being delivered");
        }
        return ask;
    }

    /** Engineering states the options of the bet's open ask, each with what it gives up; the sides then sign one. */
    @Transactional
    @PreAuthorize("hasRole('engineering')")
    public Bet stateAskOptions(UUID betId, List<AskOptionDraft> drafts, CurrentUser user) {
        return completeWork(betId, BetLifecycle.TASK_STATE_ASK_OPTIONS, "the options of an ask", user,
                () -> asks.state(betId, drafts, user.id()));
    }

    private static List<String> askTasks() {
        List<String> tasks = new ArrayList<>(BetLifecycle.signTasksOf(Gate.OPTIONS));
        tasks.add(BetLifecycle.TASK_STATE_ASK_OPTIONS);
        return tasks;
    }

    /**
     * Proposes a scope or window change during delivery, signing the proposer's side. It goes to the open
     * window escalation if there is one, otherwise to a new change gate.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public Bet requestChange(UUID betId, ChangeDraft draft, Role signAs, CurrentUser user) {
        Bet bet = bets.claimForChange(betId, "betId");
        if (bet.getStage() != Stage.DELIVERY) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "Scope and window change during delivery; the bet is in " + bet.getStage());
        }
        Role side = user.side(signAs);
        boolean escalation = hasOpenTask(betId, Gate.ESCALATION);
        String ownTask = BetLifecycle.signStep(escalation ? Gate.ESCALATION : Gate.CHANGE, side).taskKey();
        if (escalation ? !hasOpenTask(betId, ownTask) : hasOpenTask(betId, Gate.CHANGE)) {
            throw new RuleViolation(ErrorCode.CHANGE_PENDING, "betId", "A change request for this bet is already waiting for sign-off");
        }
        ChangeRequest request = delivery.request(bet, draft, escalation, user.id());
        if (!escalation) {
            engineUsers.actAs(user, () -> runtimeService.createMessageCorrelation(BetLifecycle.MESSAGE_CHANGE_REQUESTED)
                    .processInstanceBusinessKey(betId.toString()).correlateWithResult());
        }
        complete(openTask(bet, ownTask, "a change request"), Map.of(BetLifecycle.VAR_ANSWER, Answer.APPROVE.name(),
                BetLifecycle.VAR_CHOICE, request.getId().toString(), BetLifecycle.VAR_REASON, request.getRationale()), user);
        return bets.get(betId, "betId");
    }

    /**
     * Opens the CORRECTION gate for a correction of an entry both sides signed (CorrectionService stored the proposal),
     * and signs the proposer's side with it. An open bet's process receives it at the stages' boundary event (moving to
     * the latest version first if its own has no gate yet); a closed bet has no stages left to receive it (its process
     * has ended, or only a gate outside the stages still waits), so a process of its own starts at the gate (the message
     * start event) and ends when the gate is answered. One correction waits at a time. Runs in the proposing
     * transaction: a refusal writes nothing. Public for the event's invocation through the service's proxy.
     */
    @EventListener
    public void on(CorrectionProposed proposed) {
        UUID betId = proposed.betId();
        Bet bet = bets.get(betId, "betId");
        if (hasOpenTask(betId, Gate.CORRECTION)) {
            throw new RuleViolation(ErrorCode.CORRECTION_PENDING, "supersedes", "A correction of this bet's log already"
                    + " waits for sign-off; it is answered before the next one is proposed");
        }
        CurrentUser user = proposed.proposer();
        if (bet.isClosed()) {
            engineUsers.actAs(user, () -> runtimeService.createMessageCorrelation(BetLifecycle.MESSAGE_CLOSED_BET_CORRECTION_PROPOSED)
                    .processInstanceBusinessKey(betId.toString())
                    .setVariables(Map.of(BetLifecycle.VAR_BET_ID, betId.toString(), BetLifecycle.VAR_BET_KEY, bet.getKey(),
                            BetLifecycle.VAR_BET_TITLE, bet.getTitle(), BetLifecycle.VAR_STAGE, bet.getStage().name()))
                    .correlateStartMessage());
        } else {
            ProcessInstance process = runtimeService.createProcessInstanceQuery().processDefinitionKey(BetLifecycle.PROCESS_KEY)
                    .processInstanceBusinessKey(betId.toString()).list().stream().findFirst()
                    .orElseThrow(() -> new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "Bet " + bet.getKey()
                            + " has no running workflow to open the correction gate in; an admin restarts it first"));
            upgrade.toReceive(process, BetLifecycle.MESSAGE_CORRECTION_PROPOSED);
            engineUsers.actAs(user, () -> runtimeService.createMessageCorrelation(BetLifecycle.MESSAGE_CORRECTION_PROPOSED)
                    .processInstanceId(process.getId()).correlateWithResult());
        }
        Task own = openTask(bet, BetLifecycle.signStep(Gate.CORRECTION, proposed.side()).taskKey(), "a correction");
        complete(own, Map.of(BetLifecycle.VAR_ANSWER, Answer.APPROVE.name(),
                BetLifecycle.VAR_CHOICE, proposed.proposalId().toString()), user);
    }

    /**
     * The correction waiting at each of these bets' CORRECTION gate, if one waits: the proposal its first sign-off
     * names. Reads the engine only for bets that wait on a correction.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Map<UUID, CorrectionProposal> pendingCorrections(Collection<UUID> betIds) {
        Map<UUID, UUID> proposalOf = new HashMap<>();
        for (UUID betId : betIds) {
            openTasks.of(betId, BetLifecycle.signTasksOf(Gate.CORRECTION)).stream().findFirst()
                    .map(task -> taskService.getVariable(task.getId(), BetLifecycle.VAR_GATE_ROUND))
                    .flatMap(round -> signOffs.inRound(UUID.fromString(round.toString())).stream()
                            .map(SignOff::getChoice).filter(Objects::nonNull).findFirst())
                    .ifPresent(choice -> proposalOf.put(betId, UUID.fromString(choice)));
        }
        Map<UUID, CorrectionProposal> proposals = corrections.proposals(proposalOf.values());
        Map<UUID, CorrectionProposal> pending = new HashMap<>();
        proposalOf.forEach((betId, proposal) -> pending.put(betId, proposals.get(proposal)));
        return pending;
    }

    private boolean hasOpenTask(UUID betId, Gate gate) {
        return openTasks.any(betId, BetLifecycle.signTasksOf(gate));
    }

    private boolean hasOpenTask(UUID betId, String taskKey) {
        return openTasks.any(betId, List.of(taskKey));
    }

    /** The recorded stall escalations of each bet, for a whole page of bets in one query. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Map<UUID, List<TaskEscalation>> escalations(Collection<UUID> betIds) {
        if (betIds.isEmpty()) {
            return Map.of();
        }
        return escalations.findByBetIdInOrderByEscalatedAtAsc(betIds).stream()
                .collect(Collectors.groupingBy(TaskEscalation::getBetId));
    }

    private Bet completeWork(UUID betId, String taskKey, String what, CurrentUser user, Runnable artifact) {
        Bet bet = bets.claimForChange(betId, "betId");
        Task task = openTask(bet, taskKey, what);
        artifact.run();
        complete(task, Map.of(), user);
        return bets.get(betId, "betId");
    }

    private Task openTask(Bet bet, String taskKey, String what) {
        Task task = openTasks.of(bet.getId(), List.of(taskKey)).stream().findFirst().orElse(null);
        if (task == null) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId",
                    "Bet " + bet.getKey() + " is in " + bet.getStage() + " and is not waiting for " + what);
        }
        return task;
    }

    private void complete(Task task, Map<String, Object> inputs, CurrentUser user) {
        engineUsers.actAs(user, () -> {
            if (!inputs.isEmpty()) {
                // a command of its own: it loads the task and its variables once more
                taskService.setVariablesLocal(task.getId(), inputs);
            }
            taskService.complete(task.getId());
            return null;
        });
    }
}
