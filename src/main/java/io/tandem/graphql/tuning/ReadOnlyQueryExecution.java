package io.tandem.graphql.tuning;

import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import io.tandem.graphql.QueryAdmission;
import java.util.concurrent.CompletableFuture;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs a query operation in one read-only transaction, which the services' own read-only transactions join. The
 * test page of 50 bets used to take seven (the page, its count, one per batch lookup), each taking a connection
 * from the pool, opening an entity manager and ending with a round trip to PostgreSQL; now it takes one, and holds
 * that connection while it runs (BENCHMARKS.md, "Tuning"). Each statement still sees what was committed when it
 * started (READ COMMITTED), as before. Mutations and subscriptions are untouched: each service call runs in a
 * transaction of its own.
 *
 * <p>The transaction is bound to the request thread, so execution is waited for on that thread before the
 * transaction ends (every data fetcher here is synchronous; one that completed on another thread would run in a
 * transaction of its own there). Before the transaction, the query waits for its turn (QueryAdmission), so a
 * waiting query holds no connection. It is rolled back rather than committed: it wrote nothing (a read-only
 * transaction cannot), and a data fetcher's failure, which marks the shared transaction rollback-only, stays that
 * field's error instead of failing the whole request at commit.
 */
final class ReadOnlyQueryExecution extends AsyncExecutionStrategy {

    private static final TransactionDefinition READ_ONLY = readOnly();

    private final PlatformTransactionManager transactions;
    private final QueryAdmission admission;

    ReadOnlyQueryExecution(DataFetcherExceptionHandler exceptionHandler, PlatformTransactionManager transactions,
                           QueryAdmission admission) {
        super(exceptionHandler);
        this.transactions = transactions;
        this.admission = admission;
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (!admission.enter()) {
            return CompletableFuture.completedFuture(admission.refusal());
        }
        try {
            return inReadOnlyTransaction(context, parameters);
        } finally {
            admission.leave();
        }
    }

    private CompletableFuture<ExecutionResult> inReadOnlyTransaction(ExecutionContext context,
                                                                     ExecutionStrategyParameters parameters) {
        TransactionStatus transaction = transactions.getTransaction(READ_ONLY);
        try {
            CompletableFuture<ExecutionResult> result = super.execute(context, parameters);
            result.handle((done, failure) -> null).join();
            return result;
        } finally {
            transactions.rollback(transaction);
        }
    }

    private static TransactionDefinition readOnly() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setReadOnly(true);
        definition.setName(ReadOnlyQueryExecution.class.getSimpleName());
        return definition;
    }
}
