package io.tandem.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Who signed a decision, for which side, with what answer, on which brief revision (its content hash), and when;
 * {@code standingInFor} is the lead a stand-in signed for, null when they signed for themself. {@code name} is the
 * display name when the signature was given; an entry of the log keeps it only in entries recorded before pseudonyms
 * (hash version 1), and readers take a signer's name from the person it names. {@code forecastSeal} is the seal of
 * the forecast a commitment signer sealed (outcome/SealedForecasts), null for everyone else.
 */
public record Signer(String userId, @JsonInclude(JsonInclude.Include.NON_NULL) String name, String role, String answer, String briefHash, Instant signedAt,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String standingInFor,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String forecastSeal) {

    public Signer(String userId, String name, String role, String answer, String briefHash, Instant signedAt) {
        this(userId, name, role, answer, briefHash, signedAt, null, null);
    }

    public Signer(String userId, String name, String role, String answer, String briefHash, Instant signedAt,
                  String standingInFor) {
        this(userId, name, role, answer, briefHash, signedAt, standingInFor, null);
    }

    /** The same signature carrying the seal of the forecast its signer sealed with it (commitment only). */
    public Signer withForecastSeal(String seal) {
        return new Signer(userId, name, role, answer, briefHash, signedAt, standingInFor, seal);
    }

    Signer withoutName() {
        return new Signer(userId, null, role, answer, briefHash, signedAt, standingInFor, forecastSeal);
    }
}
