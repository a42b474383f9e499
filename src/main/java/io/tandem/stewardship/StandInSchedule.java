package io.tandem.stewardship;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine in step with stand-ins' periods: when one begins, the side's open sign-offs are offered to the
 * stand-in; when it ends, they are taken back. The rules ask the period itself, so a sign-off outside it is refused
 * even before this runs; this is what Tasklist shows. Each due stand-in is locked while it is handled, so two
 * instances never handle the same one.
 */
@Component
class StandInSchedule {

    private static final Logger log = LoggerFactory.getLogger(StandInSchedule.class);

    private final Stewardship stewardship;

    StandInSchedule(Stewardship stewardship) {
        this.stewardship = stewardship;
    }

    @Scheduled(fixedDelayString = "${tandem.stand-ins.check-every}", initialDelayString = "${tandem.stand-ins.check-every}")
    void run() {
        try {
            stewardship.keepStandInsInStep();
        } catch (RuntimeException e) {
            log.warn("Could not bring stand-ins' sign-offs in step; trying again at the next check: {}", e.toString());
        }
    }
}
