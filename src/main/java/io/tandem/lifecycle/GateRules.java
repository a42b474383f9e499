package io.tandem.lifecycle;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.Outcome;
import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.decision.Answer;
import io.tandem.decision.BetOption;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.Gate;
import io.tandem.decision.NewDecision;
import io.tandem.decision.OptionService;
import io.tandem.decision.SignOff;
import io.tandem.decision.SignOffs;
import io.tandem.delivery.ChangeRequest;
import io.tandem.delivery.DeliveryService;
import io.tandem.decision.Signer;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of every gate, applied by the gate sign-off listener in the transaction that completes
 * the task. Whatever door a person comes through, these are the checks they pass.
 */
@Service
class GateRules {

    enum SpikeVerdict { PROCEED, REFRAME, KILL }

    private static final Set<Outcome> REVIEW_VERDICTS = EnumSet.of(Outcome.WON, Outcome.LOST, Outcome.INCONCLUSIVE);

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

    GateRules(BetService bets, BriefService briefs, ConstraintHolds constraintHolds, OptionService options,
              SignOffs signOffs, DecisionLog decisionLog, DeliveryService delivery, GateEffects effects, Clock clock) {
        this.bets = bets;
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
                String choice, String reason) {
        Bet bet = bets.find(betId).orElseThrow();
        Gate gate = step.gate();
        String side = sideName(step.role()) + " side of the " + gateName(gate);
        if (!signer.has(step.role())) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "signAs", "Signing the " + side + " needs the " + step.role().group() + " role");
        }
        String lead = step.role() == Role.PRODUCT ? bet.getProductLead() : bet.getEngineeringLead();
        if (lead != null && !lead.equals(signer.id())) {
            throw new RuleViolation(ErrorCode.NOT_THE_LEAD, "betId", "Only the named " + step.role().group() + " lead (" + lead + ") signs the " + side);
        }
        List<SignOff> round = signOffs.inRound(roundId);
        round.stream().filter(s -> s.getSignerId().equals(signer.id())).findFirst().ifPresent(earlier -> {
            throw new RuleViolation(ErrorCode.SAME_PERSON, "betId", signer.name() + " already signed the " + earlier.getRole()
                    + " side of this gate; a second person must sign the " + step.role().group() + " side");
        });
        String reasonText = Texts.optional("reason", reason, Texts.SHORT_TEXT_MAX);
        boolean passes = answer == Answer.APPROVE && approvedByTheOtherSide(round, step.role());
        String chosen = null;
        if (answer == Answer.REQUEST_CHANGES) {
            if (step.taskKey().equals(BetLifecycle.TASK_MARK_DELIVERED)) {
                throw RuleViolation.invalid("answer", "Engineering marks a bet delivered only when it is; there is nothing to send back");
            }
            if (reasonText == null) {
                throw RuleViolation.invalid("reason", "Requesting changes needs a reason, so the other side knows what to change");
            }
        } else {
            chosen = checkApproval(bet, step, choice == null ? proposedChoice(gate, round) : choice);
            for (SignOff other : round) {
                if (other.getAnswer() == Answer.APPROVE && other.getChoice() != null && !other.getChoice().equals(chosen)) {
                    throw new RuleViolation(ErrorCode.CHOICE_MISMATCH, choiceField(gate), other.getSignerName() + " signed for "
                            + other.getChoice() + "; both sides must sign the same choice (or request changes)");
                }
            }
            // product's approval, and whichever approval would pass the gate, so that nothing slips past a constraint
            if (step.role() == Role.PRODUCT || passes) {
                constraintHolds.requireAcknowledged(betId, gate);
            }
        }
        SignOff signOff = signOffs.record(new SignOff(betId, roundId, gate, step.role().group(), signer.id(), signer.name(),
                answer, chosen, reasonText, briefs.latest(betId).map(BriefRevision::getContentHash).orElse(null),
                StoredTime.now(clock)));
        List<SignOff> signed = new ArrayList<>(round);
        signed.add(signOff);
        List<Signer> signers = signed.stream().map(SignOff::signer).toList();

        if (answer == Answer.REQUEST_CHANGES) {
            decisionLog.append(betId, new NewDecision(refusalKind(gate),
                    gate, sideName(step.role()) + " requested changes at the " + gateName(gate), List.of(), null,
                    reasonText, signers, null));
            return new Signed(GateResult.CHANGES_REQUESTED, Map.of());
        }
        if (!passes) {
            return new Signed(GateResult.WAITING, Map.of());
        }
        return new Signed(GateResult.PASSED, effects.pass(bet, gate, chosen, signers, rationale(signed)));
    }

    /** Checks what an approval needs at this gate and returns the normalised choice, if the gate has one. */
    private String checkApproval(Bet bet, BetLifecycle.SignStep step, String choice) {
        switch (step.gate()) {
            case FRAMING -> {
                if (step.role() == Role.PRODUCT) {
                    briefs.requireCompleteForFraming(bet.getId());
                }
                return null;
            }
            case SPIKE -> {
                return named(choice, SpikeVerdict.class, "spikeVerdict").name();
            }
            case OUTCOME_REVIEW -> {
                Outcome verdict = named(choice, Outcome.class, "outcomeVerdict");
                if (!REVIEW_VERDICTS.contains(verdict)) {
                    throw RuleViolation.invalid("outcomeVerdict", "The outcome verdict is WON, LOST or INCONCLUSIVE; killing is proposeKill");
                }
                return verdict.name();
            }
            case COMMITMENT -> {
                if (choice == null) {
                    throw new RuleViolation(ErrorCode.CHOICE_REQUIRED, "optionId", "Approving commitment means choosing one of the proposed options");
                }
                return options.current(bet.getId()).stream().map(BetOption::getId).map(UUID::toString)
                        .filter(choice::equals).findFirst()
                        .orElseThrow(() -> new RuleViolation(ErrorCode.UNKNOWN_OPTION, "optionId",
                                "Option " + choice + " is not one of the options proposed for this commitment"));
            }
            case CHANGE, ESCALATION -> {
                if (choice == null) {
                    throw new RuleViolation(ErrorCode.CHOICE_REQUIRED, "changeRequestId",
                            "Approving this gate means agreeing to a change request; request a scope or window change first");
                }
                return changeRequest(bet.getId(), choice).getId().toString();
            }
            default -> {
                return null;
            }
        }
    }

    /** At proposal gates the second signer agrees to what the first proposed, unless they name something else. */
    private static String proposedChoice(Gate gate, List<SignOff> round) {
        if (gate != Gate.CHANGE && gate != Gate.ESCALATION) {
            return null;
        }
        return round.stream().filter(s -> s.getAnswer() == Answer.APPROVE).map(SignOff::getChoice).findFirst().orElse(null);
    }

    private ChangeRequest changeRequest(UUID betId, String id) {
        try {
            return delivery.changeRequest(UUID.fromString(id)).filter(r -> r.getBetId().equals(betId))
                    .orElseThrow(() -> RuleViolation.notFound("changeRequestId", "Change request " + id));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.notFound("changeRequestId", "Change request " + id);
        }
    }

    private static DecisionKind refusalKind(Gate gate) {
        return switch (gate) {
            case KILL -> DecisionKind.KILL_REJECTED;
            case CHANGE, ESCALATION -> DecisionKind.CHANGE_REJECTED;
            default -> DecisionKind.CHANGES_REQUESTED;
        };
    }

    private static String rationale(List<SignOff> signed) {
        String text = signed.stream().filter(s -> s.getReason() != null)
                .map(s -> s.getRole() + ": " + s.getReason()).collect(Collectors.joining("\n"));
        return text.isEmpty() ? null : text;
    }

    private static <E extends Enum<E>> E named(String choice, Class<E> type, String field) {
        if (choice == null) {
            throw new RuleViolation(ErrorCode.CHOICE_REQUIRED, field, "Approving this gate means naming the " + field);
        }
        try {
            return Enum.valueOf(type, choice.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, "'" + choice + "' is not a valid " + field);
        }
    }

    /** The gate passes with this approval: the other side has approved in this round. */
    private static boolean approvedByTheOtherSide(List<SignOff> round, Role role) {
        return round.stream().anyMatch(s -> s.getAnswer() == Answer.APPROVE && !s.getRole().equals(role.group()));
    }

    /** The signGate input field that carries a gate's choice: a userError names what the client sent, not "choice". */
    private static String choiceField(Gate gate) {
        return switch (gate) {
            case SPIKE -> "spikeVerdict";
            case OUTCOME_REVIEW -> "outcomeVerdict";
            default -> "optionId";
        };
    }

    private static String sideName(Role role) {
        return role == Role.PRODUCT ? "product" : "engineering";
    }

    static String gateName(Gate gate) {
        return switch (gate) {
            case FRAMING -> "framing gate";
            case SPIKE -> "spike verdict";
            case COMMITMENT -> "commitment gate";
            case DELIVERY -> "delivery";
            case OUTCOME_REVIEW -> "outcome review";
            case KILL -> "kill proposal";
            case CHANGE -> "change request";
            case ESCALATION -> "window escalation";
        };
    }
}
