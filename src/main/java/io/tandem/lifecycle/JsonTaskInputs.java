package io.tandem.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.ask.ReceiptSettlement;
import io.tandem.outcome.NonGoalAttestation;
import io.tandem.shared.RuleViolation;
import java.util.List;

/**
 * Task inputs that are lists, as task variables: JSON text, so the engine API and Tasklist's form send them as GraphQL
 * does. Non-goal attestations: [{"nonGoal": "…", "held": true|false, "note": "…"}]; receipt settlements:
 * [{"receiptId": "…", "paid": "AS_STATED"|"MORE"|"LESS", "note": "…"}].
 */
final class JsonTaskInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<NonGoalAttestation>> NON_GOALS = new TypeReference<>() {
    };
    private static final TypeReference<List<ReceiptSettlement>> RECEIPTS = new TypeReference<>() {
    };

    private JsonTaskInputs() {
    }

    static String write(List<?> inputs) {
        if (inputs == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Task inputs are always serialisable", e);
        }
    }

    /** The attestations a task was completed with; null when none were sent. */
    static List<NonGoalAttestation> nonGoals(Object value) {
        return read(value, NON_GOALS, BetLifecycle.VAR_NON_GOALS, "[{\"nonGoal\": \"…\", \"held\": true, \"note\": \"…\"}]");
    }

    /** The receipt settlements a task was completed with; null when none were sent. */
    static List<ReceiptSettlement> receipts(Object value) {
        return read(value, RECEIPTS, BetLifecycle.VAR_RECEIPTS, "[{\"receiptId\": \"…\", \"paid\": \"AS_STATED\", \"note\": \"…\"}]");
    }

    private static <T> List<T> read(Object value, TypeReference<List<T>> type, String field, String example) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(value.toString(), type);
        } catch (JsonProcessingException e) {
            throw RuleViolation.invalid(field, field + " must be JSON: " + example);
        }
    }
}
