package io.tandem.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which entries both sides signed, so that correcting one takes the CORRECTION gate: someone signed for product and
 * someone for engineering, whatever each answered. No Spring, no database.
 */
class CorrectionSidesTest {

    private static final Signer PRODUCT = signer("priya", "product", "APPROVE");
    private static final Signer ENGINEERING = signer("erin", "engineering", "APPROVE");
    private static final Signer ENGINEERING_REFUSING = signer("erin", "engineering", "REQUEST_CHANGES");
    private static final Signer ADMIN = signer("ada", "admin", "APPROVE");

    @Test
    void anEntryWithASignerOfEachSideWasSignedByBoth() {
        assertThat(CorrectionService.signedByBothSides(entry(DecisionKind.FRAMING_APPROVED, PRODUCT, ENGINEERING))).isTrue();
        assertThat(CorrectionService.signedByBothSides(entry(DecisionKind.KILL_REJECTED, PRODUCT, ENGINEERING_REFUSING)))
                .as("a refusal after the other side approved").isTrue();
        assertThat(CorrectionService.signedByBothSides(entry(DecisionKind.CORRECTION, ENGINEERING, PRODUCT)))
                .as("a correction agreed at the gate").isTrue();
    }

    @Test
    void anEntryOfOneSidesSignersOrAnAdminsIsNot() {
        assertThat(CorrectionService.signedByBothSides(entry(DecisionKind.CHANGES_REQUESTED, ENGINEERING_REFUSING))).isFalse();
        assertThat(CorrectionService.signedByBothSides(entry(DecisionKind.BET_EDITED, PRODUCT))).isFalse();
        assertThat(CorrectionService.signedByBothSides(entry(DecisionKind.CORRECTION, PRODUCT))).isFalse();
        assertThat(CorrectionService.signedByBothSides(entry(DecisionKind.LEAD_CHANGED, ENGINEERING, ADMIN)))
                .as("a lead reassigned by the other side's lead and an admin").isFalse();
        assertThat(CorrectionService.signedByBothSides(entry(DecisionKind.OPERATOR_INTERVENTION, ADMIN))).isFalse();
        assertThat(CorrectionService.signedByBothSides(entry(DecisionKind.STAND_IN_NAMED))).isFalse();
    }

    private static Decision entry(DecisionKind kind, Signer... signers) {
        return new Decision(UUID.randomUUID(), 1, new NewDecision(kind, null, "context", List.of(), null, null,
                List.of(signers), null), Instant.parse("2025-01-01T00:00:00Z"), null,
                Stream.of(signers).collect(Collectors.toMap(Signer::userId, s -> UUID.randomUUID(), (a, b) -> a)));
    }

    private static Signer signer(String id, String role, String answer) {
        return new Signer(id, id, role, answer, null, Instant.parse("2025-01-01T00:00:00Z"));
    }
}
