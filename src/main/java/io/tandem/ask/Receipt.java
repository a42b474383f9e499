package io.tandem.ask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The cost a leader took on by co-signing an option of their ask: what the team gives up, in its own words, and the
 * window and scope before and after (null when the option kept them). It comes due at the bet's outcome review.
 */
public record Receipt(UUID id, UUID askId, UUID betId, String leaderId, UUID optionId, String givesUp, LocalDate windowFrom,
                      LocalDate windowTo, String scopeFrom, String scopeTo, Instant issuedAt) {
}
