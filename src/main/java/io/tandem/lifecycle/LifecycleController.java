package io.tandem.lifecycle;

import io.tandem.ask.Ask;
import io.tandem.ask.AskDraft;
import io.tandem.ask.AskKind;
import io.tandem.ask.AskOptionDraft;
import io.tandem.ask.Paid;
import io.tandem.ask.ReceiptSettlement;
import io.tandem.bet.Bet;
import io.tandem.bet.BetPayload;
import io.tandem.decision.Answer;
import io.tandem.decision.CorrectionProposal;
import io.tandem.decision.Gate;
import io.tandem.decision.OptionDraft;
import io.tandem.delivery.ChangeDraft;
import io.tandem.delivery.ChangeRequest;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.outcome.MetricActual;
import io.tandem.outcome.NonGoalAttestation;
import io.tandem.outcome.OutcomeDraft;
import io.tandem.outcome.Recommendation;
import io.tandem.security.CurrentUsers;
import io.tandem.security.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The mutations that move a bet through its workflow, and what each bet is waiting on. */
@Controller
class LifecycleController {

    record BetRef(String betId) {
    }

    record SignGateInput(String betId, Gate gate, Answer answer, Role signAs, String optionId, String spikeVerdict,
                         String outcomeVerdict, String changeRequestId, String reason, Double forecast,
                         List<NonGoalAttestation> nonGoals, List<ReceiptSettlementInput> receipts) {
    }

    record ReceiptSettlementInput(String receiptId, Paid paid, String note) {
    }

    record MakeAskInput(String betId, AskKind kind, String request, LocalDate window) {
    }

    record MakeAskPayload(Ask ask, List<UserErrorView> userErrors) {
    }

    record AskOptionInput(String summary, String givesUp, LocalDate newWindow, String newScope) {
    }

    record StateAskOptionsInput(String betId, List<AskOptionInput> options) {
    }

    record RequestWindowChangeInput(String betId, LocalDate newWindow, String rationale, Role signAs) {
    }

    record RequestScopeChangeInput(String betId, String newScope, Boolean cut, String customerHarm, LocalDate newWindow,
                                   String rationale, Role signAs) {
    }

    record RecordSpikeFindingsInput(String betId, String findings) {
    }

    record OptionInput(String label, String scopeSummary, LocalDate window, String gains, String givesUp, String risk) {
    }

    record ProposeOptionsInput(String betId, List<OptionInput> options) {
    }

    record MarkDeliveredInput(String betId, String note) {
    }

    record ConfirmDeliveryInput(String betId, Answer answer, String reason) {
    }

    record RecordOutcomeInput(String betId, List<MetricActual> actuals, Boolean useReadings, String whatWeLearned,
                              String whatWeWouldDoDifferently, Recommendation recommendation) {
    }

    record ProposeKillInput(String betId, String rationale, Role signAs) {
    }

    record ProposeVoidInput(String betId, String reason, Role signAs) {
    }

    private final LifecycleService lifecycle;
    private final CurrentUsers users;

    LifecycleController(LifecycleService lifecycle, CurrentUsers users) {
        this.lifecycle = lifecycle;
        this.users = users;
    }

    @MutationMapping
    BetPayload submitBrief(@Argument BetRef input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.submitBrief(bet(input.betId()), users.current())), BetPayload::refused);
    }

    @MutationMapping
    BetPayload submitConstraints(@Argument BetRef input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.submitConstraints(bet(input.betId()), users.current())), BetPayload::refused);
    }

    @MutationMapping
    BetPayload signGate(@Argument SignGateInput input) {
        return Mutations.run(() -> {
            String choice = switch (input.gate()) {
                case COMMITMENT -> input.optionId() == null ? null
                        : GlobalId.require("BetOption", input.optionId(), "optionId").toString();
                case SPIKE -> input.spikeVerdict();
                case OUTCOME_REVIEW -> input.outcomeVerdict();
                case CHANGE, ESCALATION -> input.changeRequestId() == null ? null
                        : GlobalId.require("ChangeRequest", input.changeRequestId(), "changeRequestId").toString();
                case OPTIONS -> input.optionId() == null ? null
                        : GlobalId.require("AskOption", input.optionId(), "optionId").toString();
                default -> null;
            };
            return BetPayload.of(lifecycle.signGate(new SignGateCommand(bet(input.betId()), input.gate(), input.answer(),
                    input.signAs(), choice, input.reason(), input.forecast(), input.nonGoals(), receipts(input.receipts())),
                    users.current()));
        }, BetPayload::refused);
    }

    /** Receipts are named by their global ids in the API; the task variable carries the raw ids, as Tasklist sends them. */
    private static List<ReceiptSettlement> receipts(List<ReceiptSettlementInput> given) {
        return given == null ? null : given.stream().map(r -> new ReceiptSettlement(
                GlobalId.require("Receipt", r.receiptId(), "receipts.receiptId").toString(), r.paid(), r.note())).toList();
    }

    @MutationMapping
    MakeAskPayload makeAsk(@Argument MakeAskInput input) {
        return Mutations.run(() -> new MakeAskPayload(lifecycle.makeAsk(bet(input.betId()),
                new AskDraft(input.kind(), input.request(), input.window()), users.current()), List.of()),
                errors -> new MakeAskPayload(null, errors));
    }

    @MutationMapping
    BetPayload stateAskOptions(@Argument StateAskOptionsInput input) {
        return Mutations.run(() -> {
            List<AskOptionDraft> drafts = input.options() == null ? List.of() : input.options().stream()
                    .map(o -> new AskOptionDraft(o.summary(), o.givesUp(), o.newWindow(), o.newScope())).toList();
            return BetPayload.of(lifecycle.stateAskOptions(bet(input.betId()), drafts, users.current()));
        }, BetPayload::refused);
    }

    @MutationMapping
    BetPayload recordSpikeFindings(@Argument RecordSpikeFindingsInput input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.recordSpikeFindings(bet(input.betId()), input.findings(),
                users.current())), BetPayload::refused);
    }

    @MutationMapping
    BetPayload proposeOptions(@Argument ProposeOptionsInput input) {
        return Mutations.run(() -> {
            List<OptionDraft> drafts = input.options() == null ? List.of() : input.options().stream()
                    .map(o -> new OptionDraft(o.label(), o.scopeSummary(), o.window(), o.gains(), o.givesUp(), o.risk()))
                    .toList();
            return BetPayload.of(lifecycle.proposeOptions(bet(input.betId()), drafts, users.current()));
        }, BetPayload::refused);
    }

    @MutationMapping
    BetPayload markDelivered(@Argument MarkDeliveredInput input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.markDelivered(bet(input.betId()), input.note(), users.current())),
                BetPayload::refused);
    }

    @MutationMapping
    BetPayload confirmDelivery(@Argument ConfirmDeliveryInput input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.confirmDelivery(bet(input.betId()), input.answer(), input.reason(),
                users.current())), BetPayload::refused);
    }

    @MutationMapping
    BetPayload recordOutcome(@Argument RecordOutcomeInput input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.recordOutcome(bet(input.betId()), new OutcomeDraft(input.actuals(),
                input.whatWeLearned(), input.whatWeWouldDoDifferently(), input.recommendation(),
                Boolean.TRUE.equals(input.useReadings())), users.current())),
                BetPayload::refused);
    }

    @MutationMapping
    BetPayload proposeKill(@Argument ProposeKillInput input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.proposeKill(bet(input.betId()), input.rationale(),
                input.signAs(), users.current())), BetPayload::refused);
    }

    @MutationMapping
    BetPayload proposeVoid(@Argument ProposeVoidInput input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.proposeVoid(bet(input.betId()), input.reason(),
                input.signAs(), users.current())), BetPayload::refused);
    }

    @MutationMapping
    BetPayload requestWindowChange(@Argument RequestWindowChangeInput input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.requestChange(bet(input.betId()), new ChangeDraft(ChangeRequest.Kind.WINDOW,
                input.newWindow(), null, false, null, input.rationale()), input.signAs(), users.current())), BetPayload::refused);
    }

    @MutationMapping
    BetPayload requestScopeChange(@Argument RequestScopeChangeInput input) {
        return Mutations.run(() -> BetPayload.of(lifecycle.requestChange(bet(input.betId()), new ChangeDraft(ChangeRequest.Kind.SCOPE,
                input.newWindow(), input.newScope(), Boolean.TRUE.equals(input.cut()), input.customerHarm(), input.rationale()),
                input.signAs(), users.current())), BetPayload::refused);
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<TaskEscalation>> escalations(List<Bet> bets) {
        Map<UUID, List<TaskEscalation>> found = lifecycle.escalations(bets.stream().map(Bet::getId).toList());
        return bets.stream().collect(Collectors.toMap(Function.identity(), b -> found.getOrDefault(b.getId(), List.of())));
    }

    /** The correction waiting at the bet's CORRECTION gate; null when none waits. */
    @BatchMapping(typeName = "Bet")
    Map<Bet, CorrectionProposal> pendingCorrection(List<Bet> bets) {
        Map<UUID, CorrectionProposal> pending = lifecycle.pendingCorrections(bets.stream().map(Bet::getId).toList());
        return bets.stream().distinct().filter(b -> pending.containsKey(b.getId()))
                .collect(Collectors.toMap(Function.identity(), b -> pending.get(b.getId())));
    }

    private static UUID bet(String betId) {
        return GlobalId.require("Bet", betId, "betId");
    }
}
