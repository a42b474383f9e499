package io.tandem.taskform;

import io.tandem.ask.Ask;
import io.tandem.ask.AskOption;
import io.tandem.ask.Asks;
import io.tandem.ask.Receipt;
import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.brief.BriefContent;
import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.brief.ConstraintAcknowledgement;
import io.tandem.brief.ConstraintService;
import io.tandem.brief.SuccessMetric;
import io.tandem.brief.TechnicalConstraint;
import io.tandem.decision.Answer;
import io.tandem.decision.BetOption;
import io.tandem.decision.CorrectionProposal;
import io.tandem.decision.CorrectionService;
import io.tandem.decision.Decision;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.Gate;
import io.tandem.decision.OptionService;
import io.tandem.decision.SignOff;
import io.tandem.decision.SignOffs;
import io.tandem.delivery.ChangeRequest;
import io.tandem.delivery.DeliveryService;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.lifecycle.TaskInputs;
import io.tandem.outcome.MetricActual;
import io.tandem.outcome.NonGoalAttestations;
import io.tandem.outcome.OutcomeReport;
import io.tandem.outcome.OutcomeService;
import io.tandem.taskform.TaskForm.Choice;
import io.tandem.taskform.TaskForm.Item;
import io.tandem.taskform.TaskForm.Section;
import io.tandem.taskform.TaskForm.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts together what a task's form shows: the bet, the context its step needs, and what completing it takes. */
@Service
class TaskForms {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final BetService bets;
    private final BriefService briefs;
    private final ConstraintService constraints;
    private final OptionService options;
    private final SignOffs signOffs;
    private final DeliveryService delivery;
    private final OutcomeService outcomes;
    private final CorrectionService corrections;
    private final DecisionLog decisionLog;
    private final NonGoalAttestations nonGoalAttestations;
    private final Asks asks;

    TaskForms(TaskService taskService, IdentityService identityService, BetService bets, BriefService briefs,
              ConstraintService constraints, OptionService options, SignOffs signOffs, DeliveryService delivery,
              OutcomeService outcomes, CorrectionService corrections, DecisionLog decisionLog,
              NonGoalAttestations nonGoalAttestations, Asks asks) {
        this.asks = asks;
        this.corrections = corrections;
        this.nonGoalAttestations = nonGoalAttestations;
        this.decisionLog = decisionLog;
        this.taskService = taskService;
        this.identityService = identityService;
        this.bets = bets;
        this.briefs = briefs;
        this.constraints = constraints;
        this.options = options;
        this.signOffs = signOffs;
        this.delivery = delivery;
        this.outcomes = outcomes;
    }

    /** The task's form, when the person may see the task (the engine's authorization decides, as for Tasklist). */
    @Transactional(readOnly = true)
    public Optional<TaskForm> forTask(String taskId, String userId, List<String> groups) {
        return visibleTask(taskId, userId, groups).flatMap(task -> {
            Object betId = taskService.getVariable(task.getId(), BetLifecycle.VAR_BET_ID);
            return betId == null ? Optional.empty()
                    : bets.find(UUID.fromString(betId.toString())).map(bet -> form(task, bet));
        });
    }

    private Optional<Task> visibleTask(String taskId, String userId, List<String> groups) {
        identityService.setAuthentication(userId, groups);
        try {
            return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).singleResult());
        } finally {
            identityService.clearAuthentication();
        }
    }

    private TaskForm form(Task task, Bet bet) {
        String step = task.getTaskDefinitionKey();
        Optional<Gate> gate = BetLifecycle.signStep(step).map(BetLifecycle.SignStep::gate);
        List<SignOff> round = gate.isPresent() ? roundOf(task) : List.of();
        List<BetOption> betOptions = options.current(bet.getId());
        Topic topic = topic(step, gate.orElse(null));
        Optional<Ask> ask = topic == Topic.ASK ? asks.open(bet.getId()) : Optional.empty();
        List<AskOption> askOptions = ask.map(a -> asks.options(a.id())).orElse(List.of());
        List<Section> sections = new ArrayList<>();
        switch (topic) {
            case FRAMING -> {
                sections.addAll(brief(bet));
                sections.add(constraintsOf(bet));
            }
            case SPIKE -> sections.add(spike(bet));
            case COMMITMENT -> sections.add(optionsSection(betOptions));
            case DELIVERY -> sections.add(commitment(bet));
            case CHANGE -> sections.add(changeRequest(round));
            case OUTCOME -> {
                sections.add(metrics(bet));
                sections.add(outcome(bet));
            }
            case CONSTRAINT -> sections.add(constraint(task, bet));
            case PROPOSAL -> sections.addAll(brief(bet));
            case CORRECTION -> sections.addAll(correction(bet, round));
            case ASK -> {
                sections.add(commitment(bet));
                ask.ifPresent(a -> sections.add(askSection(a)));
                sections.add(askOptionsSection(askOptions));
            }
        }
        Map<String, String> optionLabels = new HashMap<>();
        betOptions.forEach(o -> optionLabels.put(o.getId().toString(), o.getLabel()));
        askOptions.forEach(o -> optionLabels.put(o.id().toString(), o.summary()));
        if (gate.isPresent()) {
            sections.add(signedSoFar(gate.get(), round, optionLabels));
        }
        TaskInputs inputs = TaskInputs.of(step);
        return new TaskForm(task.getId(), task.getName(), task.getDescription(),
                new TaskForm.BetSummary(bet.getKey(), bet.getTitle(), bet.getStage().name(), bet.getTeam(),
                        bet.getProductLead(), bet.getEngineeringLead()),
                sections.stream().filter(s -> !s.items().isEmpty()).toList(),
                new TaskForm.Inputs(inputs.answer(), choice(inputs.choice(), betOptions, askOptions), inputs.reason(),
                        inputs.response(), inputs.forecast(),
                        inputs.nonGoals() ? nonGoalAttestations.nonGoals(bet.getId()) : List.of(),
                        inputs.receipts() ? asks.receiptsDue(bet.getId()).stream().map(TaskForms::receiptValue).toList()
                                : List.of()));
    }

    /** Which part of the bet a step is about. */
    private enum Topic { FRAMING, SPIKE, COMMITMENT, DELIVERY, CHANGE, OUTCOME, CONSTRAINT, PROPOSAL, CORRECTION, ASK }

    private static Topic topic(String step, Gate gate) {
        if (gate != null) {
            return switch (gate) {
                case FRAMING -> Topic.FRAMING;
                case SPIKE -> Topic.SPIKE;
                case COMMITMENT -> Topic.COMMITMENT;
                case DELIVERY -> Topic.DELIVERY;
                case CHANGE, ESCALATION -> Topic.CHANGE;
                case OUTCOME_REVIEW -> Topic.OUTCOME;
                case KILL, VOID -> Topic.PROPOSAL;
                case CORRECTION -> Topic.CORRECTION;
                case OPTIONS -> Topic.ASK;
            };
        }
        return switch (step) {
            case BetLifecycle.TASK_RECORD_FINDINGS -> Topic.SPIKE;
            case BetLifecycle.TASK_PROPOSE_OPTIONS -> Topic.COMMITMENT;
            case BetLifecycle.TASK_RECORD_OUTCOME -> Topic.OUTCOME;
            case BetLifecycle.TASK_ACKNOWLEDGE_CONSTRAINT -> Topic.CONSTRAINT;
            case BetLifecycle.TASK_STATE_ASK_OPTIONS -> Topic.ASK;
            default -> Topic.FRAMING;
        };
    }

    private List<SignOff> roundOf(Task task) {
        Object round = taskService.getVariable(task.getId(), BetLifecycle.VAR_GATE_ROUND);
        return round == null ? List.of() : signOffs.inRound(UUID.fromString(round.toString()));
    }

    private List<Section> brief(Bet bet) {
        Optional<BriefRevision> latest = briefs.latest(bet.getId());
        if (latest.isEmpty()) {
            return List.of(new Section("Problem brief", List.of(new Item("Problem", "Not written yet"))));
        }
        BriefContent brief = latest.get().getContent();
        List<Item> items = items(
                item("Problem", brief.problem()),
                item("Who has it", brief.customerSegment()),
                item("Why this bet", brief.whyThisBet()),
                item("Alternatives considered", brief.alternativesConsidered()),
                item("Appetite", brief.appetite() == null ? null : brief.appetite().describe()),
                item("Risk appetite", brief.riskAppetite()),
                item("Window", brief.window() == null ? null : brief.window().toString()),
                item("Non-goals", brief.nonGoals().isEmpty() ? null : String.join("; ", brief.nonGoals())),
                item("Business constraints", brief.businessConstraints()));
        return List.of(new Section("Problem brief (revision " + latest.get().getRevision() + ")", items),
                new Section("Success metrics", brief.successMetrics().stream().map(TaskForms::metric).toList()));
    }

    private Section metrics(Bet bet) {
        return new Section("Success metrics", briefs.latest(bet.getId())
                .map(b -> b.getContent().successMetrics().stream().map(TaskForms::metric).toList()).orElse(List.of()));
    }

    private static Item metric(SuccessMetric metric) {
        String unit = metric.unit() == null ? "" : " " + metric.unit();
        String text = Stream.of(metric.baseline() == null ? null : "from " + number(metric.baseline()) + unit,
                        metric.target() == null ? "no target yet" : "to " + number(metric.target()) + unit,
                        metric.measurement() == null ? null : "measured by " + metric.measurement())
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        return new Item(metric.name(), text);
    }

    private Section constraintsOf(Bet bet) {
        List<TechnicalConstraint> recorded = constraints.forBets(List.of(bet.getId())).getOrDefault(bet.getId(), List.of());
        Map<UUID, List<ConstraintAcknowledgement>> acknowledged = constraints.acknowledgementsOf(
                recorded.stream().map(TechnicalConstraint::getId).toList());
        List<Item> items = recorded.stream().map(c -> new Item(c.getTitle() + " (" + c.getSeverity() + ")",
                Stream.of(c.getDescription(), acknowledged.containsKey(c.getId())
                                ? "acknowledged by " + acknowledged.get(c.getId()).get(0).getAcknowledgedByName()
                                : "not acknowledged by product yet")
                        .filter(Objects::nonNull).collect(Collectors.joining(" — ")))).toList();
        List<Item> withUncertainty = new ArrayList<>(items);
        if (bet.getUncertainty() != null) {
            withUncertainty.add(new Item("Uncertainty", bet.getUncertainty().name()));
        }
        return new Section("Technical constraints", withUncertainty);
    }

    private Section constraint(Task task, Bet bet) {
        Object id = taskService.getVariable(task.getId(), BetLifecycle.VAR_CONSTRAINT_ID);
        UUID constraintId = id == null ? null : UUID.fromString(id.toString());
        return constraints.forBets(List.of(bet.getId())).getOrDefault(bet.getId(), List.of()).stream()
                .filter(c -> c.getId().equals(constraintId)).findFirst()
                .map(c -> new Section("Technical constraint", items(item("Title", c.getTitle()),
                        item("Severity", c.getSeverity().name()), item("What it means", c.getDescription()),
                        item("Recorded by", c.getAuthorName()))))
                .orElse(new Section("Technical constraint", List.of()));
    }

    private static Section spike(Bet bet) {
        return new Section("Spike", items(item("Question", bet.getSpikeQuestion()), item("Timebox", bet.getSpikeTimebox()),
                item("Findings", bet.getSpikeFindings() == null ? "Not recorded yet" : bet.getSpikeFindings())));
    }

    private static Section optionsSection(List<BetOption> betOptions) {
        return new Section("Options", betOptions.stream().map(o -> new Item(o.getLabel(),
                Stream.of(o.getScopeSummary(), o.getWindowDate() == null ? null : "window " + o.getWindowDate(),
                                "gains: " + o.getGains(), "gives up: " + o.getGivesUp(),
                                o.getRisk() == null ? null : "risk: " + o.getRisk())
                        .filter(Objects::nonNull).collect(Collectors.joining("; ")))).toList());
    }

    private static Section askSection(Ask ask) {
        return new Section("Leadership's ask", items(item("Kind", ask.kind().name()), item("Asked", ask.request()),
                item("Window asked for", ask.window() == null ? null : ask.window().toString()),
                item("Asked by", ask.askedBy() + ", who co-signs the chosen option as the owner of its cost")));
    }

    private static Section askOptionsSection(List<AskOption> stated) {
        if (stated.isEmpty()) {
            return new Section("Options for the ask", List.of(new Item("Options", "Not stated yet (stateAskOptions)")));
        }
        return new Section("Options for the ask", stated.stream().map(o -> new Item(o.summary(),
                Stream.of("gives up: " + o.givesUp(), o.newWindow() == null ? null : "window " + o.newWindow(),
                                o.newScope() == null ? null : "scope: " + o.newScope())
                        .filter(Objects::nonNull).collect(Collectors.joining("; ")))).toList());
    }

    private static Value receiptValue(Receipt receipt) {
        return new Value(receipt.id().toString(), receipt.leaderId() + "'s ask: gives up " + receipt.givesUp()
                + (receipt.windowTo() == null ? "" : "; window " + receipt.windowFrom() + " → " + receipt.windowTo())
                + (receipt.scopeTo() == null ? "" : "; scope now " + receipt.scopeTo()));
    }

    private static Section commitment(Bet bet) {
        return new Section("Commitment", items(item("Scope", bet.getScopeSummary()),
                item("Window", bet.getWindowDate() == null ? null : bet.getWindowDate().toString())));
    }

    private Section changeRequest(List<SignOff> round) {
        return round.stream().map(SignOff::getChoice).filter(Objects::nonNull).findFirst()
                .flatMap(id -> delivery.changeRequest(UUID.fromString(id)))
                .map(TaskForms::changeRequestSection).orElse(new Section("Change request", List.of()));
    }

    /** The entry as both sides signed it, and the correction that would supersede it (the round's first sign-off names it). */
    private List<Section> correction(Bet bet, List<SignOff> round) {
        Optional<CorrectionProposal> proposal = round.stream().map(SignOff::getChoice).filter(Objects::nonNull).findFirst()
                .flatMap(id -> corrections.proposal(bet.getId(), id));
        if (proposal.isEmpty()) {
            return List.of(new Section("Proposed correction", List.of()));
        }
        Decision entry = corrections.corrected(proposal.get());
        List<Item> original = new ArrayList<>(items(item("Entry", entry.getSequence() + " (" + entry.getKind()
                        + (entry.getGate() == null ? "" : ", " + entry.getGate()) + ")"),
                item("Recorded", entry.getRecordedAt().toString()), item("Context", entry.getContext()),
                item("Chosen", entry.getChosenOption()), item("Rationale", entry.getRationale())));
        Map<String, String> names = decisionLog.names(entry.getSigners());
        entry.getSigners().forEach(signer -> original.add(new Item("Signed by (" + signer.role() + ")",
                names.get(signer.userId()) + " — " + signer.answer())));
        return List.of(new Section("Entry to correct", original),
                new Section("Proposed correction", items(item("What was wrong and what is right", proposal.get().getRationale()),
                        item("Proposed by", proposal.get().getProposerName() + " (" + proposal.get().getSide() + ")"),
                        item("Proposed", proposal.get().getProposedAt().toString()))));
    }

    private static Section changeRequestSection(ChangeRequest request) {
        return new Section("Change request", items(item("Kind", request.getKind().name()),
                item("New window", request.getNewWindow() == null ? null : request.getNewWindow().toString()),
                item("New scope", request.getNewScope()), item("Scope cut", request.isScopeCut() ? "yes" : null),
                item("Harm to customers", request.getCustomerHarm()), item("Why", request.getRationale()),
                item("Requested by", request.getRequestedBy())));
    }

    private Section outcome(Bet bet) {
        Optional<OutcomeReport> report = outcomes.latest(bet.getId());
        if (report.isEmpty()) {
            return new Section("Outcome", List.of(new Item("Actuals", "Not recorded yet")));
        }
        List<Item> items = new ArrayList<>();
        for (MetricActual actual : report.get().getActuals()) {
            items.add(new Item("Actual: " + actual.metric(), number(actual.actual())));
        }
        items.addAll(items(item("What we learned", report.get().getWhatWeLearned()),
                item("What we would do differently", report.get().getWhatWeWouldDoDifferently()),
                item("Recommendation", report.get().getRecommendation() == null ? null : report.get().getRecommendation().name())));
        return new Section("Outcome", items);
    }

    private static Section signedSoFar(Gate gate, List<SignOff> round, Map<String, String> optionLabels) {
        return new Section("Signed so far", round.stream().map(s -> new Item(s.getRole() + ": " + s.getSignerName(),
                Stream.of(s.getAnswer() == Answer.APPROVE ? "approved" : "requested changes",
                                s.getChoice() == null ? null : chosen(gate, s.getChoice(), optionLabels), s.getReason())
                        .filter(Objects::nonNull).collect(Collectors.joining(" — ")))).toList());
    }

    /** What a sign-off chose, in words: an option's label, a verdict, or the request or proposal the form shows. */
    private static String chosen(Gate gate, String choice, Map<String, String> optionLabels) {
        return switch (gate) {
            case CHANGE, ESCALATION -> "the change request above";
            case CORRECTION -> "the proposed correction above";
            default -> optionLabels.getOrDefault(choice, choice);
        };
    }

    private static Choice choice(TaskInputs.Choice kind, List<BetOption> betOptions, List<AskOption> askOptions) {
        return switch (kind) {
            case NONE -> null;
            case OPTION -> new Choice("Option", betOptions.stream()
                    .map(o -> new Value(o.getId().toString(), o.getLabel() + " — " + o.getScopeSummary())).toList());
            case SPIKE_VERDICT -> new Choice("Spike verdict", verdicts(kind));
            case OUTCOME_VERDICT -> new Choice("Outcome verdict", verdicts(kind));
            case ASK_OPTION -> new Choice("Option for the ask", askOptions.stream()
                    .map(o -> new Value(o.id().toString(), o.summary() + " — gives up " + o.givesUp())).toList());
        };
    }

    private static List<Value> verdicts(TaskInputs.Choice kind) {
        return kind.verdicts().stream().map(v -> new Value(v, v)).toList();
    }

    private static Item item(String label, String text) {
        return text == null || text.isBlank() ? null : new Item(label, text);
    }

    private static List<Item> items(Item... items) {
        return Stream.of(items).filter(Objects::nonNull).toList();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
