package io.tandem.ask;

import java.time.LocalDate;

/** What a leader asks: the kind, in their words, and for an earlier window the date they want. */
public record AskDraft(AskKind kind, String request, LocalDate window) {
}
