package io.tandem.support;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The {@link SecondInstance} of one test class, started before its first test and closed after its last, failed
 * tests or not: register as a static field with {@code @RegisterExtension}. A start that fails fails the class.
 */
public final class SecondInstances implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<SecondInstance> start;
    private SecondInstance started;

    private SecondInstances(Supplier<SecondInstance> start) {
        this.start = start;
    }

    /** See {@link SecondInstance#onTheTestDatabase}. */
    public static SecondInstances onTheTestDatabase(String engineName) {
        return new SecondInstances(() -> SecondInstance.onTheTestDatabase(engineName));
    }

    /** See {@link SecondInstance#onAFreshDatabase}. */
    public static SecondInstances onAFreshDatabase(String engineName) {
        return new SecondInstances(() -> SecondInstance.onAFreshDatabase(engineName));
    }

    public int port() {
        return started().port();
    }

    public <T> T bean(Class<T> type) {
        return started().bean(type);
    }

    public DataSource ownerDataSource() {
        return started().ownerDataSource();
    }

    public HttpGraphQlTester as(String user) {
        return started().as(user);
    }

    /** Reaches the instance only when it sends, so a static field of the test class may hold it. */
    public BetDriver driver() {
        return new BetDriver(this::as);
    }

    private SecondInstance started() {
        if (started == null) {
            throw new IllegalStateException("The second instance starts before the class's first test:"
                    + " register SecondInstances as a static field");
        }
        return started;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started = start.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // null when the start failed
        if (started != null) {
            started.close();
        }
    }
}
