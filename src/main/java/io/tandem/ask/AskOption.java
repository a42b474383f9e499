package io.tandem.ask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One way of answering an ask, as engineering stated it: what the team would do, what it gives up (in the team's own
 * words), and the window or scope it would move to, if any.
 */
public record AskOption(UUID id, UUID askId, int position, String summary, String givesUp, LocalDate newWindow,
                        String newScope, String statedBy, Instant statedAt) {
}
