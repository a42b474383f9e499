package io.tandem.ask;

/** What a leader asks of a committed bet. */
public enum AskKind {
    /** Ship before the committed window (the ask names the date). */
    EARLIER_WINDOW,
    /** More than the committed scope. */
    MORE_SCOPE,
    /** Something else comes first. */
    NEW_PRIORITY
}
