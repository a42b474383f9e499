package io.tandem.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Who signed a decision, for which side, with what answer, on which brief revision (its content hash), and when;
 * {@code standingInFor} is the lead a stand-in signed for, null when they signed for themself. {@code name} is the
 * display name when the signature was given; an entry of the log keeps it only in entries recorded before pseudonyms
 * (hash version 1), and readers take a signer's name from the person it names.
 */
public record Signer(String userId, @JsonInclude(JsonInclude.Include.NON_NULL) String name, String role, String answer, String briefHash, Instant signedAt,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String standingInFor) {

    public Signer(String userId, String name, String role, String answer, String briefHash, Instant signedAt) {
        this(userId, name, role, answer, briefHash, signedAt, null);
    }

    Signer withoutName() {
        return new Signer(userId, null, role, answer, briefHash, signedAt, standingInFor);
    }
}
