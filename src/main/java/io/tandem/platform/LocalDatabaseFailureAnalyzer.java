package io.tandem.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link LocalDatabaseException} into Spring Boot's start-up failure report: what is wrong and what to do. */
class LocalDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<LocalDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalDatabaseException cause) {
        return new FailureAnalysis(cause.getMessage(), "See the README, \"Run it\".", cause);
    }
}
