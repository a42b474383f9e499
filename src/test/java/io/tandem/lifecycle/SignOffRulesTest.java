package io.tandem.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.decision.Answer;
import io.tandem.decision.Gate;
import io.tandem.lifecycle.SignOffRules.Earlier;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every rule of a sign-off, accepted and refused, without Spring, the engine or a database. */
class SignOffRulesTest {

    private static final String SIDE = "product side of the framing gate";
    private static final Earlier PRIYA_APPROVED = new Earlier("priya", "Priya", "product", Answer.APPROVE, null, null);
    private static final Supplier<List<String>> NO_OPTIONS_ASKED = () -> {
        throw new AssertionError("options are asked only at commitment");
    };

    @Test
    void aSideIsSignedBySomeoneHoldingItsRole() {
        assertThatCode(() -> SignOffRules.checkSigner(Role.PRODUCT, SIDE, true, "priya", "Priya", null, null, List.of()))
                .doesNotThrowAnyException();
        refused(() -> SignOffRules.checkSigner(Role.PRODUCT, SIDE, false, "erin", "Erin", null, null, List.of()),
                ErrorCode.WRONG_ROLE, "signAs");
    }

    @Test
    void aSideWithANamedLeadIsSignedByTheLeadOnly() {
        assertThatCode(() -> SignOffRules.checkSigner(Role.PRODUCT, SIDE, true, "paul", "Paul", "paul", null, List.of()))
                .doesNotThrowAnyException();
        refused(() -> SignOffRules.checkSigner(Role.PRODUCT, SIDE, true, "priya", "Priya", "paul", null, List.of()),
                ErrorCode.NOT_THE_LEAD, "betId");
    }

    @Test
    void twoDifferentPeopleSignARound() {
        Earlier sam = new Earlier("sam", "Sam", "product", Answer.APPROVE, null, null);
        assertThatCode(() -> SignOffRules.checkSigner(Role.ENGINEERING, SIDE, true, "erin", "Erin", null, null, List.of(sam)))
                .doesNotThrowAnyException();
        refused(() -> SignOffRules.checkSigner(Role.ENGINEERING, SIDE, true, "sam", "Sam", null, null, List.of(sam)),
                ErrorCode.SAME_PERSON, "betId");
    }

    @Test
    void aStandInSignsForTheLeadDuringTheirPeriod() {
        assertThatCode(() -> SignOffRules.checkSigner(Role.PRODUCT, SIDE, true, "sam", "Sam", "paul", "paul", List.of()))
                .doesNotThrowAnyException();
        refused(() -> SignOffRules.checkSigner(Role.PRODUCT, SIDE, true, "sam", "Sam", "paul", null, List.of()),
                ErrorCode.NOT_THE_LEAD, "betId");
    }

    @Test
    void aStandInIsNoSecondPersonBesideTheLeadTheyStandInFor() {
        Earlier paulForEngineering = new Earlier("paul", "Paul", "engineering", Answer.APPROVE, null, null);
        refused(() -> SignOffRules.checkSigner(Role.PRODUCT, SIDE, true, "sam", "Sam", "paul", "paul", List.of(paulForEngineering)),
                ErrorCode.SAME_PERSON, "betId");
        Earlier samForPaul = new Earlier("sam", "Sam", "product", Answer.APPROVE, null, "paul");
        refused(() -> SignOffRules.checkSigner(Role.ENGINEERING, SIDE, true, "paul", "Paul", null, null, List.of(samForPaul)),
                ErrorCode.SAME_PERSON, "betId");
        assertThatCode(() -> SignOffRules.checkSigner(Role.ENGINEERING, SIDE, true, "erin", "Erin", null, null, List.of(samForPaul)))
                .doesNotThrowAnyException();
    }

    @Test
    void requestingChangesNeedsAReasonAndMarkingDeliveredCannotRequestThem() {
        assertThatCode(() -> SignOffRules.checkChangesRequested(false, "Name the card networks")).doesNotThrowAnyException();
        refused(() -> SignOffRules.checkChangesRequested(false, null), ErrorCode.INVALID_INPUT, "reason");
        refused(() -> SignOffRules.checkChangesRequested(true, "Not done"), ErrorCode.INVALID_INPUT, "answer");
    }

    @Test
    void aSpikeApprovalNamesItsVerdict() {
        assertThat(SignOffRules.chosen(Gate.SPIKE, "proceed", List.of(), NO_OPTIONS_ASKED)).isEqualTo("PROCEED");
        refused(() -> SignOffRules.chosen(Gate.SPIKE, null, List.of(), NO_OPTIONS_ASKED), ErrorCode.CHOICE_REQUIRED, "spikeVerdict");
        refused(() -> SignOffRules.chosen(Gate.SPIKE, "maybe", List.of(), NO_OPTIONS_ASKED), ErrorCode.INVALID_INPUT, "spikeVerdict");
    }

    @Test
    void anOutcomeApprovalNamesWonLostOrInconclusive() {
        assertThat(SignOffRules.chosen(Gate.OUTCOME_REVIEW, "LOST", List.of(), NO_OPTIONS_ASKED)).isEqualTo("LOST");
        refused(() -> SignOffRules.chosen(Gate.OUTCOME_REVIEW, null, List.of(), NO_OPTIONS_ASKED),
                ErrorCode.CHOICE_REQUIRED, "outcomeVerdict");
        refused(() -> SignOffRules.chosen(Gate.OUTCOME_REVIEW, "KILLED", List.of(), NO_OPTIONS_ASKED),
                ErrorCode.INVALID_INPUT, "outcomeVerdict");
    }

    @Test
    void aCommitmentApprovalNamesAProposedOption() {
        Supplier<List<String>> proposed = () -> List.of("thin", "full");
        assertThat(SignOffRules.chosen(Gate.COMMITMENT, "full", List.of(), proposed)).isEqualTo("full");
        refused(() -> SignOffRules.chosen(Gate.COMMITMENT, null, List.of(), proposed), ErrorCode.CHOICE_REQUIRED, "optionId");
        refused(() -> SignOffRules.chosen(Gate.COMMITMENT, "other", List.of(), proposed), ErrorCode.UNKNOWN_OPTION, "optionId");
    }

    @Test
    void atAChangeGateTheSecondSideAgreesToWhatTheFirstProposed() {
        Earlier proposer = new Earlier("erin", "Erin", "engineering", Answer.APPROVE, "request-1", null);
        assertThat(SignOffRules.chosen(Gate.CHANGE, null, List.of(proposer), NO_OPTIONS_ASKED)).isEqualTo("request-1");
        assertThat(SignOffRules.chosen(Gate.ESCALATION, "request-2", List.of(proposer), NO_OPTIONS_ASKED)).isEqualTo("request-2");
        refused(() -> SignOffRules.chosen(Gate.CHANGE, null, List.of(), NO_OPTIONS_ASKED), ErrorCode.CHOICE_REQUIRED, "changeRequestId");
    }

    @Test
    void gatesThatChooseNothingAskForNothing() {
        assertThat(SignOffRules.chosen(Gate.FRAMING, null, List.of(), NO_OPTIONS_ASKED)).isNull();
        assertThat(SignOffRules.chosen(Gate.DELIVERY, null, List.of(), NO_OPTIONS_ASKED)).isNull();
        assertThat(SignOffRules.chosen(Gate.KILL, null, List.of(), NO_OPTIONS_ASKED)).isNull();
    }

    @Test
    void bothSidesApproveTheSameChoice() {
        Earlier thin = new Earlier("priya", "Priya", "product", Answer.APPROVE, "thin", null);
        Earlier changes = new Earlier("sam", "Sam", "product", Answer.REQUEST_CHANGES, "full", null);
        assertThatCode(() -> SignOffRules.checkSameChoice(Gate.COMMITMENT, "thin", List.of(thin))).doesNotThrowAnyException();
        assertThatCode(() -> SignOffRules.checkSameChoice(Gate.COMMITMENT, "thin", List.of(changes))).doesNotThrowAnyException();
        refused(() -> SignOffRules.checkSameChoice(Gate.COMMITMENT, "full", List.of(thin)), ErrorCode.CHOICE_MISMATCH, "optionId");
        Earlier proceed = new Earlier("erin", "Erin", "engineering", Answer.APPROVE, "PROCEED", null);
        refused(() -> SignOffRules.checkSameChoice(Gate.SPIKE, "KILL", List.of(proceed)), ErrorCode.CHOICE_MISMATCH, "spikeVerdict");
    }

    @Test
    void theGatePassesWhenTheOtherSideHasApprovedInThisRound() {
        List<Role> sides = List.of(Role.PRODUCT, Role.ENGINEERING);
        assertThat(SignOffRules.passes(Answer.APPROVE, Role.ENGINEERING, List.of(PRIYA_APPROVED), sides)).isTrue();
        assertThat(SignOffRules.passes(Answer.APPROVE, Role.ENGINEERING, List.of(), sides)).isFalse();
        assertThat(SignOffRules.passes(Answer.APPROVE, Role.PRODUCT, List.of(PRIYA_APPROVED), sides)).as("same side").isFalse();
        assertThat(SignOffRules.passes(Answer.REQUEST_CHANGES, Role.ENGINEERING, List.of(PRIYA_APPROVED), sides)).isFalse();
        Earlier priyaAskedForChanges = new Earlier("priya", "Priya", "product", Answer.REQUEST_CHANGES, null, null);
        assertThat(SignOffRules.passes(Answer.APPROVE, Role.ENGINEERING, List.of(priyaAskedForChanges), sides)).isFalse();
    }

    @Test
    void anAsksOptionsGatePassesOnlyWithProductEngineeringAndTheAsker() {
        List<Role> sides = List.of(Role.PRODUCT, Role.ENGINEERING, Role.LEADERSHIP);
        Earlier erinApproved = new Earlier("erin", "Erin", "engineering", Answer.APPROVE, "o1", null);
        assertThat(SignOffRules.passes(Answer.APPROVE, Role.ENGINEERING, List.of(PRIYA_APPROVED), sides))
                .as("the asker has not co-signed").isFalse();
        assertThat(SignOffRules.passes(Answer.APPROVE, Role.LEADERSHIP, List.of(PRIYA_APPROVED), sides))
                .as("engineering has not signed").isFalse();
        assertThat(SignOffRules.passes(Answer.APPROVE, Role.LEADERSHIP, List.of(PRIYA_APPROVED, erinApproved), sides)).isTrue();
        assertThat(SignOffRules.chosen(Gate.OPTIONS, null, List.of(erinApproved), () -> List.of("o1", "o2")))
                .as("the asker co-signs the option the sides chose").isEqualTo("o1");
        refused(() -> SignOffRules.chosen(Gate.OPTIONS, "o3", List.of(), () -> List.of("o1", "o2")),
                ErrorCode.UNKNOWN_OPTION, "optionId");
        refused(() -> SignOffRules.chosen(Gate.OPTIONS, null, List.of(), () -> List.of("o1")),
                ErrorCode.CHOICE_REQUIRED, "optionId");
    }

    @Test
    void constraintsHoldProductsApprovalAndTheApprovalThatPassesTheGate() {
        assertThat(SignOffRules.heldByConstraints(Role.PRODUCT, false)).isTrue();
        assertThat(SignOffRules.heldByConstraints(Role.ENGINEERING, true)).isTrue();
        assertThat(SignOffRules.heldByConstraints(Role.ENGINEERING, false)).isFalse();
    }

    private static void refused(ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.code()).isEqualTo(code);
            assertThat(v.field()).isEqualTo(field);
        });
    }
}
