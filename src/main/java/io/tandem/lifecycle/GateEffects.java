package io.tandem.lifecycle;

import io.tandem.ask.Ask;
import io.tandem.ask.AskOption;
import io.tandem.ask.Asks;
import io.tandem.ask.Receipt;
import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.Outcome;
import io.tandem.bet.Uncertainty;
import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.decision.BetOption;
import io.tandem.decision.CorrectionService;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.Gate;
import io.tandem.decision.NewDecision;
import io.tandem.decision.OptionConsidered;
import io.tandem.decision.OptionService;
import io.tandem.decision.Signer;
import io.tandem.delivery.ChangeRequest;
import io.tandem.delivery.DeliveryService;
import io.tandem.outcome.NonGoalAttestations;
import io.tandem.outcome.OutcomeService;
import io.tandem.outcome.SealedForecasts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What passing each gate does, once GateRules has accepted the second approval: the decision-log entry and
 * its effect on the bet. Runs in the transaction that completes the task.
 */
@Component
class GateEffects {

    private final BetService bets;
    private final BriefService briefs;
    private final OptionService options;
    private final OutcomeService outcomes;
    private final DecisionLog decisionLog;
    private final DeliveryService delivery;
    private final WindowTimer windowTimer;
    private final CorrectionService corrections;

    private final SealedForecasts forecasts;
    private final NonGoalAttestations nonGoalAttestations;
    private final Asks asks;

    GateEffects(BetService bets, BriefService briefs, OptionService options, OutcomeService outcomes,
                DecisionLog decisionLog, DeliveryService delivery, WindowTimer windowTimer, CorrectionService corrections,
                SealedForecasts forecasts, NonGoalAttestations nonGoalAttestations, Asks asks) {
        this.asks = asks;
        this.corrections = corrections;
        this.forecasts = forecasts;
        this.nonGoalAttestations = nonGoalAttestations;
        this.bets = bets;
        this.briefs = briefs;
        this.options = options;
        this.outcomes = outcomes;
        this.decisionLog = decisionLog;
        this.delivery = delivery;
        this.windowTimer = windowTimer;
    }

    /** Records the decision of a passed gate and applies it; returns the variables its gateway reads. */
    Map<String, Object> pass(Bet bet, UUID roundId, Gate gate, String chosen, List<Signer> signers, String rationale) {
        UUID betId = bet.getId();
        switch (gate) {
            case FRAMING -> {
                BriefRevision brief = briefs.latest(betId).orElseThrow();
                boolean spike = bet.getUncertainty() == Uncertainty.HIGH;
                decisionLog.append(betId, new NewDecision(DecisionKind.FRAMING_APPROVED, gate,
                        "Framing signed on brief revision " + brief.getRevision() + " (" + brief.getContentHash() + "); uncertainty "
                                + bet.getUncertainty() + (spike ? ", so a spike follows: " + bet.getSpikeQuestion() : ""),
                        List.of(), null, rationale, signers, null));
                return Map.of(BetLifecycle.VAR_SPIKE_NEEDED, spike);
            }
            case SPIKE -> {
                decisionLog.append(betId, new NewDecision(DecisionKind.SPIKE_VERDICT, gate,
                        "Spike question: " + bet.getSpikeQuestion() + ". Findings: "
                                + Optional.ofNullable(bet.getSpikeFindings()).orElse("none recorded before the timebox ended"),
                        List.of(), chosen, rationale, signers, null));
                if (SignOffRules.SpikeVerdict.valueOf(chosen) == SignOffRules.SpikeVerdict.KILL) {
                    bets.settle(betId, Outcome.KILLED);
                }
                return Map.of(BetLifecycle.VAR_SPIKE_VERDICT, chosen);
            }
            case COMMITMENT -> {
                List<BetOption> proposed = options.current(betId);
                BetOption option = proposed.stream().filter(o -> o.getId().toString().equals(chosen)).findFirst().orElseThrow();
                decisionLog.append(betId, new NewDecision(DecisionKind.COMMITMENT, gate,
                        "Committed to '" + option.getLabel() + "' by " + option.getWindowDate() + "; the brief is frozen",
                        proposed.stream().map(GateEffects::considered).toList(), chosen, rationale, signers, null));
                bets.commitTo(betId, option.getWindowDate(), option.getScopeSummary());
                return Map.of();
            }
            case DELIVERY -> {
                decisionLog.append(betId, new NewDecision(DecisionKind.DELIVERY_ACCEPTED, gate,
                        "Engineering marked the bet delivered and product confirmed it", List.of(), null, rationale, signers, null));
                return Map.of();
            }
            case OUTCOME_REVIEW -> {
                String review = outcomes.latest(betId).map(r -> r.summary()).orElse("");
                String nonGoals = Optional.ofNullable(nonGoalAttestations.summary(roundId)).map(s -> " " + s).orElse("");
                String receipts = Optional.ofNullable(asks.settlementSummary(roundId)).map(s -> " " + s).orElse("");
                decisionLog.append(betId, new NewDecision(DecisionKind.OUTCOME_VERDICT, gate,
                        "Outcome review. " + review + nonGoals + receipts, List.of(), chosen, rationale, signers, null));
                bets.settle(betId, Outcome.valueOf(chosen));
                forecasts.reveal(betId, Outcome.valueOf(chosen), signers);
                return Map.of();
            }
            case KILL -> {
                decisionLog.append(betId, new NewDecision(DecisionKind.KILLED, gate,
                        "Killed in stage " + bet.getStage(), List.of(), null, rationale, signers, null));
                bets.settle(betId, Outcome.KILLED);
                forecasts.reveal(betId, Outcome.KILLED, signers);
                return Map.of();
            }
            case VOID -> {
                decisionLog.append(betId, new NewDecision(DecisionKind.VOIDED, gate,
                        "Voided as opened by mistake, in stage " + bet.getStage(), List.of(), null, rationale, signers, null));
                bets.settle(betId, Outcome.VOIDED);
                return Map.of();
            }
            case CHANGE, ESCALATION -> {
                ChangeRequest change = delivery.changeRequest(UUID.fromString(chosen)).orElseThrow();
                decisionLog.append(betId, new NewDecision(changeKind(change), gate, describe(bet, change, gate),
                        List.of(), chosen, change.getRationale() + (rationale == null ? "" : "\n" + rationale), signers, null));
                bets.change(betId, change.getNewWindow(), change.getNewScope());
                if (gate == Gate.CHANGE && change.getNewWindow() != null) {
                    windowTimer.reschedule(betId, change.getNewWindow());
                }
                return Map.of();
            }
            case OPTIONS -> {
                Ask ask = asks.open(betId).orElseThrow();
                List<AskOption> stated = asks.options(ask.id());
                AskOption option = stated.stream().filter(o -> o.id().toString().equals(chosen)).findFirst().orElseThrow();
                Receipt receipt = asks.accept(ask.id(), option.id(), bet.getWindowDate(), bet.getScopeSummary());
                decisionLog.append(betId, new NewDecision(DecisionKind.ASK_ACCEPTED, gate, describe(ask, stated, option, receipt),
                        List.of(), chosen, rationale, signers, null));
                bets.change(betId, option.newWindow(), option.newScope());
                if (option.newWindow() != null) {
                    windowTimer.reschedule(betId, option.newWindow());
                }
                return Map.of();
            }
            case CORRECTION -> {
                corrections.apply(betId, corrections.proposal(betId, chosen).orElseThrow(), signers, rationale);
                return Map.of();
            }
            default -> throw new IllegalStateException("Unknown gate " + gate);
        }
    }

    private static DecisionKind changeKind(ChangeRequest change) {
        if (change.getKind() == ChangeRequest.Kind.WINDOW) {
            return DecisionKind.WINDOW_MOVED;
        }
        return change.isScopeCut() ? DecisionKind.SCOPE_CUT : DecisionKind.SCOPE_CHANGED;
    }

    private static String describe(Bet bet, ChangeRequest change, Gate gate) {
        StringBuilder text = new StringBuilder(gate == Gate.ESCALATION ? "The window " + bet.getWindowDate()
                + " passed undelivered. " : "");
        if (change.getNewScope() != null) {
            text.append(change.isScopeCut() ? "Scope cut" : "Scope changed").append(" from '").append(bet.getScopeSummary())
                    .append("' to '").append(change.getNewScope()).append("'. ");
            if (change.getCustomerHarm() != null) {
                text.append("Theory of customer harm: ").append(change.getCustomerHarm()).append(". ");
            }
        }
        if (change.getNewWindow() != null) {
            text.append("Window moved from ").append(bet.getWindowDate()).append(" to ").append(change.getNewWindow()).append('.');
        }
        return text.toString().strip();
    }

    /** The ask, the option chosen of those stated, and its receipt: what the asker took on. */
    private static String describe(Ask ask, List<AskOption> stated, AskOption option, Receipt receipt) {
        StringBuilder text = new StringBuilder("Leadership asked (").append(ask.kind()).append("): ").append(ask.request())
                .append(ask.window() == null ? "" : " by " + ask.window()).append(". Engineering stated ").append(stated.size())
                .append(stated.size() == 1 ? " option" : " options").append("; chosen: '").append(option.summary())
                .append("'. Receipt ").append(receipt.id()).append(" on the asker: gives up ").append(option.givesUp()).append('.');
        if (receipt.windowTo() != null) {
            text.append(" Window moved from ").append(receipt.windowFrom()).append(" to ").append(receipt.windowTo()).append('.');
        }
        if (receipt.scopeTo() != null) {
            text.append(" Scope changed from '").append(receipt.scopeFrom()).append("' to '").append(receipt.scopeTo()).append("'.");
        }
        return text.toString();
    }

    private static OptionConsidered considered(BetOption o) {
        return new OptionConsidered(o.getId().toString(), o.getLabel(), o.getScopeSummary(),
                o.getWindowDate().toString(), o.getGains(), o.getGivesUp(), o.getRisk());
    }
}
