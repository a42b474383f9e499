package io.tandem.platform;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns what the database refused at start-up into Spring Boot's failure report, without a stack trace: a user that
 * could not sign in, a user missing a privilege (a migration user that may not create or change Tandem's tables, a
 * runtime user without its grants), and the checks of {@link DatabaseUsersMigrationStrategy}.
 */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<Exception> {

    private static final String ACTION = "TANDEM_DB_MIGRATION_USER must own Tandem's tables and may create tables in"
            + " their schema; TANDEM_DB_USER gets its grants from it at each start. See docs/operations.md, \"Database users\".";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Exception cause) {
        for (Throwable t = rootFailure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUsersException users) {
                return new FailureAnalysis(users.getMessage(), "See docs/operations.md, \"Database users\".", users);
            }
        }
        for (Throwable t = rootFailure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().equals("42501")) {
                    return new FailureAnalysis("PostgreSQL refused Tandem a privilege: " + sql.getMessage(), ACTION, sql);
                }
                if (sql.getSQLState().startsWith("28")) {
                    return new FailureAnalysis("PostgreSQL refused to sign Tandem in: " + sql.getMessage(),
                            "Check TANDEM_DB_USER and TANDEM_DB_PASSWORD (the application), and TANDEM_DB_MIGRATION_USER and"
                                    + " TANDEM_DB_MIGRATION_PASSWORD (the migrations). See docs/operations.md, \"Database users\".",
                            sql);
                }
            }
        }
        return null;
    }
}
