package io.tandem.support;

import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements that HTTP request threads send to PostgreSQL (JPA and Camunda alike), so a
 * test can say what one GraphQL request costs. Background threads (the job executor) are not counted, except
 * work a caller runs through {@link #countingHere} (the benchmark's engine-API baseline, which has no request).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final AtomicLong REQUEST_STATEMENTS = new AtomicLong();
    private static final ThreadLocal<Boolean> COUNTED_HERE = ThreadLocal.withInitial(() -> false);

    public static void reset() {
        REQUEST_STATEMENTS.set(0);
    }

    public static long count() {
        return REQUEST_STATEMENTS.get();
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

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource).name("counting")
                            .afterQuery((execution, queries) -> {
                                if (COUNTED_HERE.get() || Thread.currentThread().getName().startsWith("http-nio")) {
                                    REQUEST_STATEMENTS.addAndGet(queries.size());
                                }
                            })
                            .build();
                }
                return bean;
            }
        };
    }
}
