package io.tandem.stewardship;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine in step with stand-ins' periods: when one begins, the side's open sign-offs are offered to the
 * stand-in; when it ends, they are taken back. The rules ask the period itself, so a sign-off outside it is refused
 * even before this runs; this is what Tasklist shows. Each due stand-in is locked while it is handled, so two
 * instances never handle the same one.
 */
@Component
class StandInSchedule implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StandInSchedule.class);

    private final Stewardship stewardship;
    private final Duration every;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stand-in-schedule");
        thread.setDaemon(true);
        return thread;
    });

    StandInSchedule(Stewardship stewardship, @Value("${tandem.stand-ins.check-every}") Duration every) {
        this.stewardship = stewardship;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule.scheduleWithFixedDelay(this::run, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            stewardship.keepStandInsInStep();
        } catch (RuntimeException e) {
            log.warn("Could not bring stand-ins' sign-offs in step; trying again in {}: {}", every, e.toString());
        }
    }

    @Override
    public void destroy() {
        schedule.shutdownNow();
    }
}
