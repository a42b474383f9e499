package io.tandem.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tandem.decision.Gate;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.operaton.bpm.spring.boot.starter.event.TaskEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code tandem.signoff.wait{gate, side}}: how long a side took to sign, measured from the creation of its
 * sign-off task (the engine creates both sides' tasks when a gate round opens; the delivery gate's product
 * task when engineering has marked it delivered) to the completion that recorded the sign-off. The engine's
 * Spring event bridge publishes every task event; a refused sign-off rolls back and is not recorded.
 */
@Component
class SignOffWaitMetrics {

    static final String NAME = "tandem.signoff.wait";

    private final Map<String, Timer> timers = new HashMap<>();
    private final Clock clock;

    SignOffWaitMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (BetLifecycle.SignStep step : BetLifecycle.SIGN_STEPS) {
            timers.put(step.taskKey(), timer(registry, step.gate(), step.role()));
        }
    }

    private static Timer timer(MeterRegistry registry, Gate gate, Role side) {
        // people sign in minutes to weeks, not milliseconds: histogram buckets for that range
        return Timer.builder(NAME).description("Time from a sign-off task opening to its sign-off")
                .tag("gate", gate.name()).tag("side", side.group())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(60))
                .register(registry);
    }

    @TransactionalEventListener(condition = "#event.eventName == 'complete'")
    void completed(TaskEvent event) {
        Timer timer = timers.get(event.getTaskDefinitionKey());
        if (timer == null || event.getCreateTime() == null) {
            return;
        }
        Duration waited = Duration.between(event.getCreateTime().toInstant(), clock.instant());
        timer.record(waited.isNegative() ? Duration.ZERO : waited);
    }
}
