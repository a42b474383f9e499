package io.tandem.platform;

/**
 * The database's users are not set up as Tandem needs them ({@link DatabaseUsers}); the message says what is wrong and
 * what to run once to put it right. Reported at start-up without a stack trace ({@link DatabaseFailureAnalyzer}).
 */
public class DatabaseUsersException extends RuntimeException {

    public DatabaseUsersException(String message) {
        super(message);
    }
}
