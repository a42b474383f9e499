package io.tandem.ask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A leader's ask of a committed bet. OPEN while its OPTIONS gate waits; ACCEPTED when the asker co-signed an option
 * (its receipt says the cost); DECLINED when a side or the asker turned it down; LAPSED when the bet left delivery, or
 * its window passed, before the gate was answered.
 */
public record Ask(UUID id, UUID betId, String askedBy, AskKind kind, String request, LocalDate window, Instant askedAt,
                  State state, Instant answeredAt) {

    public enum State { OPEN, ACCEPTED, DECLINED, LAPSED }
}
