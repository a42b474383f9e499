package io.tandem.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements that HTTP request threads send to PostgreSQL (JPA and the engine alike), and the
 * connections they take from the pool, so a test can say what one GraphQL request costs. Background threads (the
 * job executor) are not counted, except work a caller runs through {@link #countingHere} (the benchmark's
 * engine-API baseline, which has no request).
 *
 * <p>datasource-proxy wraps every JDBC call of a counted connection; its frames were a tenth of the benchmark generator's
 * profile samples. The benchmark therefore hands out plain connections while it generates data or runs load
 * ({@link #bypassed}), and counts only in its sequential statement measurements.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final AtomicLong REQUEST_STATEMENTS = new AtomicLong();
    private static final AtomicLong REQUEST_CONNECTIONS = new AtomicLong();
    private static final ThreadLocal<Boolean> COUNTED_HERE = ThreadLocal.withInitial(() -> false);
    private static final AtomicInteger BYPASSES = new AtomicInteger();

    public static void reset() {
        REQUEST_STATEMENTS.set(0);
        REQUEST_CONNECTIONS.set(0);
    }

    public static long count() {
        return REQUEST_STATEMENTS.get();
    }

    /** Connections taken from the pool since the last reset: one per transaction, and one per statement outside any. */
    public static long connections() {
        return REQUEST_CONNECTIONS.get();
    }

    /** Runs the work on this thread with its statements counted as a request's. */
    public static <T> T countingHere(java.util.concurrent.Callable<T> work) throws Exception {
        COUNTED_HERE.set(true);
        try {
            return work.call();
        } finally {
            COUNTED_HERE.remove();
        }
    }

    /** Runs the work with connections that are not counted (nor slowed by the counting proxy). */
    public static <T> T bypassed(Supplier<T> work) {
        BYPASSES.incrementAndGet();
        try {
            return work.get();
        } finally {
            BYPASSES.decrementAndGet();
        }
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                        ? new CountingDataSource(dataSource) : bean;
            }
        };
    }

    /** Hands out counted connections, or the pool's own while {@link #bypassed} work runs. */
    private static final class CountingDataSource extends DelegatingDataSource {

        private final DataSource counting;

        CountingDataSource(DataSource pool) {
            super(pool);
            this.counting = ProxyDataSourceBuilder.create(pool).name("counting")
                    .afterQuery((execution, queries) -> {
                        if (countedHere()) {
                            REQUEST_STATEMENTS.addAndGet(queries.size());
                        }
                    })
                    .build();
        }

        @Override
        public Connection getConnection() throws SQLException {
            DataSource current = current();
            if (current == counting && countedHere()) {
                REQUEST_CONNECTIONS.incrementAndGet();
            }
            return current.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return current().getConnection(username, password);
        }

        private static boolean countedHere() {
            return COUNTED_HERE.get() || Thread.currentThread().getName().startsWith("http-nio");
        }

        private DataSource current() {
            return BYPASSES.get() > 0 ? obtainTargetDataSource() : counting;
        }
    }
}
