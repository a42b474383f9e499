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
 * test can say what one GraphQL request costs. Background threads (the job executor) are not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final AtomicLong REQUEST_STATEMENTS = new AtomicLong();

    public static void reset() {
        REQUEST_STATEMENTS.set(0);
    }

    public static long count() {
        return REQUEST_STATEMENTS.get();
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(dataSource).name("counting")
                            .afterQuery((execution, queries) -> {
                                if (Thread.currentThread().getName().startsWith("http-nio")) {
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
