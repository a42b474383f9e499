package io.tandem.graphql;

import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a mutation's service call and turns a refusal into its payload's userErrors. The service's
 * transaction has already rolled back by the time a refusal reaches here, so nothing is kept.
 */
public final class Mutations {

    private static final Logger log = LoggerFactory.getLogger(Mutations.class);
    /** unique_violation, serialization_failure, deadlock_detected: another writer won the race. */
    private static final Set<String> RACE_SQL_STATES = Set.of("23505", "40001", "40P01");

    private Mutations() {
    }

    public static <P> P run(Supplier<P> work, Function<List<UserErrorView>, P> refused) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            RuleViolation violation = RuleViolation.findIn(e);
            if (violation != null) {
                return refused.apply(List.of(new UserErrorView(violation.field(), violation.getMessage(), violation.code())));
            }
            if (isConflict(e)) {
                log.debug("Concurrent change lost the race", e);
                return refused.apply(List.of(new UserErrorView(null,
                        "Someone changed this bet at the same time and won; reload and retry", ErrorCode.CONFLICT)));
            }
            throw e;
        }
    }

    private static boolean isConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyFailureException || t instanceof OptimisticLockingException
                    || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && RACE_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
