package io.tandem.ask;

import java.time.LocalDate;

/** An option engineering states for an ask; newWindow and newScope are null when the option keeps them. */
public record AskOptionDraft(String summary, String givesUp, LocalDate newWindow, String newScope) {
}
