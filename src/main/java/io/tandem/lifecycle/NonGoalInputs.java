package io.tandem.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.outcome.NonGoalAttestation;
import io.tandem.shared.RuleViolation;
import java.util.List;

/**
 * Non-goal attestations as a task variable: JSON text, so the engine API and Tasklist's form send them as GraphQL does,
 * [{"nonGoal": "…", "held": true|false, "note": "…"}].
 */
final class NonGoalInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<NonGoalAttestation>> LIST = new TypeReference<>() {
    };

    private NonGoalInputs() {
    }

    static String write(List<NonGoalAttestation> attestations) {
        if (attestations == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(attestations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Attestations are always serialisable", e);
        }
    }

    /** The attestations a task was completed with; null when none were sent. */
    static List<NonGoalAttestation> read(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(value.toString(), LIST);
        } catch (JsonProcessingException e) {
            throw RuleViolation.invalid("nonGoals", "nonGoals must be JSON: [{\"nonGoal\": \"…\", \"held\": true, \"note\": \"…\"}]");
        }
    }
}
