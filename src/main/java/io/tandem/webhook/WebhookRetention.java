package io.tandem.webhook;

import io.tandem.shared.BatchedDeletes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a delivery that is no longer pending (delivered, or parked after its last attempt) for
 * {@code tandem.webhooks.keep} (90 days unless set); older ones are deleted in batches, so the outbox does not grow for
 * ever. A pending delivery is kept whatever its age. A parked delivery older than that can no longer be replayed.
 */
@Component
class WebhookRetention {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);

    private final JdbcTemplate jdbc;
    private final Duration keep;
    private final Clock clock;

    WebhookRetention(JdbcTemplate jdbc, @Value("${tandem.webhooks.keep}") Duration keep, Clock clock) {
        this.jdbc = jdbc;
        this.keep = keep;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tandem.webhooks.prune-every}", initialDelayString = "${tandem.webhooks.prune-every}")
    void prune() {
        int deleted = BatchedDeletes.untilDone(jdbc, """
                delete from webhook_delivery where id in (select id from webhook_delivery
                 where status <> 'PENDING' and created_at < ? order by created_at limit ?)""",
                Timestamp.from(clock.instant().minus(keep)));
        if (deleted > 0) {
            log.info("Pruned {} webhook deliveries older than {}", deleted, keep);
        }
    }
}
