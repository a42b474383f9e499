package io.tandem.lifecycle;

import io.tandem.bet.Outcome;
import io.tandem.decision.Answer;
import io.tandem.decision.Gate;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one sign-off at a gate may do, decided from plain facts: no Spring, no engine, no database. GateRules gathers
 * the facts (the bet's lead for the side, the round's earlier sign-offs, the proposed options), asks here, and records
 * what was decided. The rules, in the order they are checked:
 * <ol>
 *   <li>a side is signed by someone holding its role ({@code WRONG_ROLE});</li>
 *   <li>a side whose lead is named is signed by that lead, or by their stand-in during its period, only
 *       ({@code NOT_THE_LEAD});</li>
 *   <li>two different people per gate: whoever signed this round does not sign it again, and a stand-in is the lead they
 *       stand in for ({@code SAME_PERSON});</li>
 *   <li>requesting changes needs a reason, and marking a bet delivered cannot request changes ({@code INVALID_INPUT});</li>
 *   <li>an approval names what its gate decides: a spike verdict, an outcome verdict (WON, LOST or INCONCLUSIVE), one
 *       of the proposed options, one of the options stated for an ask, a change request, a proposed correction ({@code CHOICE_REQUIRED},
 *       {@code INVALID_INPUT}, {@code UNKNOWN_OPTION}); at a change or correction gate the second side agrees to what
 *       the first proposed unless it names something else;</li>
 *   <li>both sides approve the same choice ({@code CHOICE_MISMATCH});</li>
 *   <li>the gate passes with an approval when every other side has approved in this round (product and engineering; at
 *       an ask's OPTIONS gate also the asking leader, who alone signs leadership's side: {@code NOT_THE_ASKER});</li>
 *   <li>product's approval, and the approval that would pass the gate, must not be held by a constraint (which
 *       constraints hold which gate is ConstraintHolds').</li>
 * </ol>
 */
final class SignOffRules {

    enum SpikeVerdict { PROCEED, REFRAME, KILL }

    private static final Set<Outcome> REVIEW_VERDICTS = EnumSet.of(Outcome.WON, Outcome.LOST, Outcome.INCONCLUSIVE);

    static List<String> reviewVerdicts() {
        return REVIEW_VERDICTS.stream().map(Enum::name).toList();
    }

    /**
     * An earlier sign-off of the same round; {@code side} is the role's group ("product", "engineering"); {@code actingFor}
     * the lead a stand-in signed for, or null.
     */
    record Earlier(String signerId, String signerName, String side, Answer answer, String choice, String actingFor) {

        /** Whom this sign-off counts as: the lead a stand-in signed for, or the signer. */
        String person() {
            return actingFor == null ? signerId : actingFor;
        }
    }

    private SignOffRules() {
    }

    /**
     * Rules 1 to 3: who may sign this side of this round. {@code sideName} says the side and gate in messages;
     * {@code actingFor} is the lead the signer stands in for on this side right now, or null.
     */
    static void checkSigner(Role side, String sideName, boolean signerHasRole, String signerId, String signerName, String lead,
                            String actingFor, List<Earlier> round) {
        if (!signerHasRole) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "signAs", "Signing the " + sideName + " needs the " + side.group() + " role");
        }
        if (lead != null && !lead.equals(signerId) && !lead.equals(actingFor)) {
            throw new RuleViolation(ErrorCode.NOT_THE_LEAD, "betId", "Only the named " + side.group() + " lead (" + lead
                    + ") or their stand-in during its period signs the " + sideName);
        }
        String person = actingFor == null ? signerId : actingFor;
        round.stream().filter(s -> s.signerId().equals(signerId) || s.person().equals(person)).findFirst().ifPresent(earlier -> {
            String who = actingFor == null || earlier.signerId().equals(signerId) ? signerName
                    : signerName + " stands in for " + actingFor + ", who";
            if (earlier.actingFor() != null && !earlier.signerId().equals(signerId)) {
                who = signerName + " is the lead " + earlier.signerName() + " stood in for, and";
            }
            throw new RuleViolation(ErrorCode.SAME_PERSON, "betId", who + " already signed the " + earlier.side()
                    + " side of this gate; a second person must sign the " + side.group() + " side");
        });
    }

    /** Rule 4. */
    static void checkChangesRequested(boolean marksDelivery, String reason) {
        if (marksDelivery) {
            throw RuleViolation.invalid("answer", "Engineering marks a bet delivered only when it is; there is nothing to send back");
        }
        if (reason == null) {
            throw RuleViolation.invalid("reason", "Requesting changes needs a reason, so the other side knows what to change");
        }
    }

    /**
     * Rule 5: the choice an approval makes at this gate, normalised (a verdict's name, an option's id, a change
     * request's id as given, for the caller to look up); null at gates that choose nothing. {@code choice} is what the
     * signer named, or null; {@code proposedOptions} is asked only at commitment.
     */
    static String chosen(Gate gate, String choice, List<Earlier> round, Supplier<List<String>> proposedOptions) {
        return switch (gate) {
            case SPIKE -> named(choice, SpikeVerdict.class, "spikeVerdict").name();
            case OUTCOME_REVIEW -> {
                Outcome verdict = named(choice, Outcome.class, "outcomeVerdict");
                if (!REVIEW_VERDICTS.contains(verdict)) {
                    throw RuleViolation.invalid("outcomeVerdict", "The outcome verdict is WON, LOST or INCONCLUSIVE; killing is proposeKill");
                }
                yield verdict.name();
            }
            case COMMITMENT -> {
                if (choice == null) {
                    throw new RuleViolation(ErrorCode.CHOICE_REQUIRED, "optionId", "Approving commitment means choosing one of the proposed options");
                }
                yield proposedOptions.get().stream().filter(choice::equals).findFirst()
                        .orElseThrow(() -> new RuleViolation(ErrorCode.UNKNOWN_OPTION, "optionId",
                                "Option " + choice + " is not one of the options proposed for this commitment"));
            }
            case CHANGE, ESCALATION -> {
                String agreed = proposed(choice, round);
                if (agreed == null) {
                    throw new RuleViolation(ErrorCode.CHOICE_REQUIRED, "changeRequestId",
                            "Approving this gate means agreeing to a change request; request a scope or window change first");
                }
                yield agreed;
            }
            case OPTIONS -> {
                String agreed = proposed(choice, round);
                if (agreed == null) {
                    throw new RuleViolation(ErrorCode.CHOICE_REQUIRED, "optionId",
                            "Approving an ask's options gate means choosing one of the options engineering stated");
                }
                yield proposedOptions.get().stream().filter(agreed::equals).findFirst()
                        .orElseThrow(() -> new RuleViolation(ErrorCode.UNKNOWN_OPTION, "optionId",
                                "Option " + agreed + " is not one of the options stated for this ask"));
            }
            case CORRECTION -> {
                String agreed = proposed(choice, round);
                if (agreed == null) {
                    throw new RuleViolation(ErrorCode.CHOICE_REQUIRED, "supersedes",
                            "Approving this gate means agreeing to a proposed correction; propose one with recordCorrection");
                }
                yield agreed;
            }
            default -> null;
        };
    }

    /** What the signer named, or else what the side that approved first proposed (a change request, a correction). */
    private static String proposed(String choice, List<Earlier> round) {
        return choice != null ? choice : round.stream().filter(s -> s.answer() == Answer.APPROVE)
                .map(Earlier::choice).findFirst().orElse(null);
    }

    /** Rule 6. */
    static void checkSameChoice(Gate gate, String chosen, List<Earlier> round) {
        for (Earlier other : round) {
            if (other.answer() == Answer.APPROVE && other.choice() != null && !other.choice().equals(chosen)) {
                throw new RuleViolation(ErrorCode.CHOICE_MISMATCH, choiceField(gate), other.signerName() + " signed for "
                        + other.choice() + "; both sides must sign the same choice (or request changes)");
            }
        }
    }

    /** Rule 7: this answer passes the gate: every other side of it ({@code sides}) has approved in this round. */
    static boolean passes(Answer answer, Role side, List<Earlier> round, List<Role> sides) {
        return answer == Answer.APPROVE && sides.stream().filter(other -> other != side).allMatch(other -> round.stream()
                .anyMatch(s -> s.answer() == Answer.APPROVE && s.side().equals(other.group())));
    }

    /** Rule 8: whether constraints may hold this approval (product's, or the one that passes the gate). */
    static boolean heldByConstraints(Role side, boolean passes) {
        return side == Role.PRODUCT || passes;
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

    /** The signGate input field that carries a gate's choice: a userError names what the client sent, not "choice". */
    private static String choiceField(Gate gate) {
        return switch (gate) {
            case SPIKE -> "spikeVerdict";
            case OUTCOME_REVIEW -> "outcomeVerdict";
            case CORRECTION -> "choice";
            default -> "optionId";
        };
    }
}
