package io.tandem.lifecycle;

import io.tandem.ask.Ask;
import io.tandem.ask.AskOption;
import io.tandem.ask.Asks;
import io.tandem.ask.ReceiptSettlement;
import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.Stage;
import io.tandem.bet.StandIns;
import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.decision.Answer;
import io.tandem.decision.BetOption;
import io.tandem.decision.CorrectionProposal;
import io.tandem.decision.CorrectionService;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.Gate;
import io.tandem.decision.NewDecision;
import io.tandem.decision.OptionService;
import io.tandem.decision.SignOff;
import io.tandem.decision.SignOffs;
import io.tandem.decision.Signer;
import io.tandem.delivery.ChangeRequest;
import io.tandem.delivery.DeliveryService;
import io.tandem.outcome.NonGoalAttestation;
import io.tandem.outcome.NonGoalAttestations;
import io.tandem.outcome.SealedForecasts;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the rules of every gate in the transaction that completes the task (the gate sign-off listener calls it),
 * whatever door a person came through: gathers the facts, asks SignOffRules what the sign-off may do, checks what
 * needs the database (a complete brief, an existing change request, the constraints' holds), and records the
 * sign-off, the decision log's entry and the gate's effects.
 */
@Service
class GateRules {

    record Signed(GateResult result, Map<String, Object> processVariables) {
    }

    private final BetService bets;
    private final BriefService briefs;
    private final ConstraintHolds constraintHolds;
    private final OptionService options;
    private final SignOffs signOffs;
    private final DecisionLog decisionLog;
    private final DeliveryService delivery;
    private final GateEffects effects;
    private final Clock clock;
    private final StandIns standIns;
    private final OpenTasks openTasks;
    private final CorrectionService corrections;
    private final SealedForecasts forecasts;
    private final NonGoalAttestations nonGoalAttestations;
    private final Asks asks;

    GateRules(BetService bets, BriefService briefs, ConstraintHolds constraintHolds, OptionService options,
              SignOffs signOffs, DecisionLog decisionLog, DeliveryService delivery, GateEffects effects, Clock clock,
              StandIns standIns, OpenTasks openTasks, CorrectionService corrections, SealedForecasts forecasts,
              NonGoalAttestations nonGoalAttestations, Asks asks) {
        this.bets = bets;
        this.asks = asks;
        this.nonGoalAttestations = nonGoalAttestations;
        this.forecasts = forecasts;
        this.corrections = corrections;
        this.openTasks = openTasks;
        this.standIns = standIns;
        this.briefs = briefs;
        this.constraintHolds = constraintHolds;
        this.options = options;
        this.signOffs = signOffs;
        this.decisionLog = decisionLog;
        this.delivery = delivery;
        this.effects = effects;
        this.clock = clock;
    }

    @Transactional
    Signed sign(UUID betId, UUID roundId, BetLifecycle.SignStep step, EngineUser signer, Answer answer,
                String choice, String reason, Double forecast, List<NonGoalAttestation> nonGoals,
                List<ReceiptSettlement> receipts) {
        Bet bet = bets.find(betId).orElseThrow();
        Gate gate = step.gate();
        List<SignOff> round = signOffs.inRound(roundId);
        List<SignOffRules.Earlier> earlier = round.stream().map(s -> new SignOffRules.Earlier(s.getSignerId(),
                s.getSignerName(), s.getRole(), s.getAnswer(), s.getChoice(), s.getActingFor())).toList();
        Ask ask = gate == Gate.OPTIONS ? asks.open(betId).orElseThrow() : null;
        String lead = step.role() == Role.LEADERSHIP ? asker(ask, signer) : bet.leadFor(step.role());
        String actingFor = lead == null || lead.equals(signer.id()) ? null
                : standIns.leadStoodInFor(betId, step.role(), signer.id()).orElse(null);
        SignOffRules.checkSigner(step.role(), sideName(step.role()) + " side of the " + gateName(gate),
                signer.has(step.role()), signer.id(), signer.name(), lead, actingFor, earlier);
        if (gate == Gate.VOID && bet.getStage() != Stage.FRAMING) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "A bet is voided during framing only; this one is in "
                    + bet.getStage());
        }
        if (gate == Gate.FRAMING && openTasks.any(betId, BetLifecycle.signTasksOf(Gate.VOID))) {
            throw new RuleViolation(ErrorCode.VOID_PENDING, "betId", "A void proposal for this bet waits for sign-off;"
                    + " answer it before the framing gate");
        }
        String reasonText = Texts.optional("reason", reason, Texts.SHORT_TEXT_MAX);
        if (forecast != null && (gate != Gate.COMMITMENT || answer != Answer.APPROVE)) {
            throw RuleViolation.invalid("forecast", "A forecast is sealed with an approval of the commitment gate");
        }
        BigDecimal probability = forecast == null ? null : SealedForecasts.probability(forecast);
        boolean attesting = gate == Gate.OUTCOME_REVIEW && answer == Answer.APPROVE;
        if (nonGoals != null && !attesting) {
            throw RuleViolation.invalid("nonGoals", "Non-goals are attested with an approval of the outcome review");
        }
        if (receipts != null && !attesting) {
            throw RuleViolation.invalid("receipts", "Receipts are settled with an approval of the outcome review");
        }
        boolean passes = SignOffRules.passes(answer, step.role(), earlier, BetLifecycle.sidesOf(gate));
        String chosen = null;
        if (answer == Answer.REQUEST_CHANGES) {
            SignOffRules.checkChangesRequested(step.taskKey().equals(BetLifecycle.TASK_MARK_DELIVERED), reasonText);
        } else {
            if (gate == Gate.FRAMING && step.role() == Role.PRODUCT) {
                briefs.requireCompleteForFraming(betId);
            }
            chosen = SignOffRules.chosen(gate, choice, earlier, () -> gate == Gate.OPTIONS
                    ? asks.options(ask.id()).stream().map(AskOption::id).map(UUID::toString).toList()
                    : options.current(betId).stream().map(BetOption::getId).map(UUID::toString).toList());
            if (gate == Gate.CHANGE || gate == Gate.ESCALATION) {
                chosen = changeRequest(betId, chosen).getId().toString();
            }
            if (gate == Gate.CORRECTION) {
                chosen = correction(betId, chosen).getId().toString();
            }
            SignOffRules.checkSameChoice(gate, chosen, earlier);
            if (SignOffRules.heldByConstraints(step.role(), passes)) {
                constraintHolds.requireAcknowledged(betId, gate);
            }
        }
        SignOff signOff = signOffs.record(new SignOff(betId, roundId, gate, step.role().group(), signer.id(), signer.name(),
                actingFor, answer, chosen, reasonText, briefs.latest(betId).map(BriefRevision::getContentHash).orElse(null),
                StoredTime.now(clock)));
        if (probability != null) {
            forecasts.seal(betId, roundId, step.role().group(), signer.id(), probability);
        }
        if (attesting) {
            nonGoalAttestations.attest(betId, roundId, step.role().group(), signer.id(), nonGoals == null ? List.of() : nonGoals);
            asks.settle(betId, roundId, step.role().group(), signer.id(), receipts);
        }
        List<SignOff> signed = new ArrayList<>(round);
        signed.add(signOff);
        List<Signer> signers = signed.stream().map(SignOff::signer).toList();
        if (gate == Gate.COMMITMENT) {
            signers = forecasts.withSeals(roundId, signers);
        }

        if (answer == Answer.REQUEST_CHANGES && gate == Gate.CORRECTION) {
            corrections.reject(betId, correction(betId, SignOffRules.chosen(gate, null, earlier, List::of)),
                    sideName(step.role()), signers, reasonText);
            return new Signed(GateResult.CHANGES_REQUESTED, Map.of());
        }
        if (answer == Answer.REQUEST_CHANGES && gate == Gate.OPTIONS) {
            asks.decline(ask.id());
            decisionLog.append(betId, new NewDecision(DecisionKind.ASK_DECLINED, gate, (step.role() == Role.LEADERSHIP
                    ? "The asking leader withdrew the ask" : sideName(step.role()) + " declined the ask") + " ("
                    + ask.kind() + "): " + ask.request(), List.of(), null, reasonText, signers, null));
            return new Signed(GateResult.CHANGES_REQUESTED, Map.of());
        }
        if (answer == Answer.REQUEST_CHANGES) {
            decisionLog.append(betId, new NewDecision(refusalKind(gate),
                    gate, sideName(step.role()) + " requested changes at the " + gateName(gate), List.of(), null,
                    reasonText, signers, null));
            return new Signed(GateResult.CHANGES_REQUESTED, Map.of());
        }
        if (!passes) {
            return new Signed(GateResult.WAITING, Map.of());
        }
        return new Signed(GateResult.PASSED, effects.pass(bet, roundId, gate, chosen, signers, rationale(signed)));
    }

    /**
     * The one person who signs leadership's side of the OPTIONS gate: the leader who asked, as the owner of its cost
     * (WRONG_ROLE without the leadership role, NOT_THE_ASKER for any other leader).
     */
    private static String asker(Ask ask, EngineUser signer) {
        if (!signer.has(Role.LEADERSHIP)) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "signAs", "Co-signing an ask's option needs the leadership role");
        }
        if (!ask.askedBy().equals(signer.id())) {
            throw new RuleViolation(ErrorCode.NOT_THE_ASKER, "betId", "Only " + ask.askedBy()
                    + ", who made the ask, co-signs its option as the owner of its cost");
        }
        return ask.askedBy();
    }

    private ChangeRequest changeRequest(UUID betId, String id) {
        try {
            return delivery.changeRequest(UUID.fromString(id)).filter(r -> r.getBetId().equals(betId))
                    .orElseThrow(() -> RuleViolation.notFound("changeRequestId", "Change request " + id));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.notFound("changeRequestId", "Change request " + id);
        }
    }

    private CorrectionProposal correction(UUID betId, String id) {
        return corrections.proposal(betId, id).orElseThrow(() -> RuleViolation.notFound("choice", "Correction " + id));
    }

    private static DecisionKind refusalKind(Gate gate) {
        return switch (gate) {
            case KILL -> DecisionKind.KILL_REJECTED;
            case VOID -> DecisionKind.VOID_REJECTED;
            case CHANGE, ESCALATION -> DecisionKind.CHANGE_REJECTED;
            case CORRECTION -> DecisionKind.CORRECTION_REJECTED;
            default -> DecisionKind.CHANGES_REQUESTED;
        };
    }

    private static String rationale(List<SignOff> signed) {
        String text = signed.stream().filter(s -> s.getReason() != null)
                .map(s -> s.getRole() + ": " + s.getReason()).collect(Collectors.joining("\n"));
        return text.isEmpty() ? null : text;
    }

    private static String sideName(Role role) {
        return role.group();
    }

    static String gateName(Gate gate) {
        return switch (gate) {
            case FRAMING -> "framing gate";
            case SPIKE -> "spike verdict";
            case COMMITMENT -> "commitment gate";
            case DELIVERY -> "delivery";
            case OUTCOME_REVIEW -> "outcome review";
            case KILL -> "kill proposal";
            case VOID -> "void proposal";
            case CHANGE -> "change request";
            case ESCALATION -> "window escalation";
            case CORRECTION -> "correction";
            case OPTIONS -> "options gate of an ask";
        };
    }
}
