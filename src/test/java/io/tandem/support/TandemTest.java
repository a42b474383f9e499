package io.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, against real PostgreSQL, with the real engine (Operaton) and
 * a job executor that polls fast enough for second-long timers. All tests share one context. Webhooks are sent only
 * by the context of webhook/WebhookDeliveryTest, which allows its loopback receiver: every context uses one database. Checkpoints are written by the tests that want one,
 * with a key of the tests' own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "operaton.bpm.job-execution.wait-time-in-millis=100",
        "operaton.bpm.job-execution.max-wait=500",
        "spring.graphql.graphiql.enabled=false",
        "tandem.webhooks.send-every=1h",
        "tandem.checkpoints.check-every=1h",
        "tandem.checkpoints.every=1ms",
        "tandem.checkpoints.key-file=target/test-checkpoint-key"
})
@Import(StatementCounter.class)
public @interface TandemTest {
}
