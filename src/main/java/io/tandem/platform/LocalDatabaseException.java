package io.tandem.platform;

/**
 * The local database cannot start, for a reason the person starting Tandem can act on; its message says what to do.
 * Reported at start-up as one line, without a stack trace ({@link LocalDatabaseFailureAnalyzer}).
 */
public class LocalDatabaseException extends RuntimeException {

    public LocalDatabaseException(String message) {
        super(message);
    }
}
