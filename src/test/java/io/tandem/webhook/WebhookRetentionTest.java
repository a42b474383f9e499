package io.tandem.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox keeps what is pending whatever its age, and deletes what was delivered or parked once older than kept. */
class WebhookRetentionTest extends GraphQlTestBase {

    @Autowired
    private WebhookRetention retention;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void deliveriesNoLongerPendingAreDeletedOnceOlderThanKeptAndPendingOnesNever() {
        UUID webhook = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.update("""
                insert into webhook (id, url, secret, enabled, created_by, created_at, updated_at)
                values (?, 'https://93.184.216.34/retention', 'secret', false, 'ada', ?, ?)""", webhook,
                Timestamp.from(now), Timestamp.from(now));
        UUID oldDelivered = delivery(webhook, 1, "DELIVERED", now.minus(Duration.ofDays(91)));
        UUID oldParked = delivery(webhook, 2, "PARKED", now.minus(Duration.ofDays(91)));
        UUID oldPending = delivery(webhook, 3, "PENDING", now.minus(Duration.ofDays(91)));
        UUID recentDelivered = delivery(webhook, 4, "DELIVERED", now.minus(Duration.ofDays(89)));

        retention.prune();

        assertThat(jdbc.queryForList("select id from webhook_delivery where webhook_id = ?", UUID.class, webhook))
                .containsExactlyInAnyOrder(oldPending, recentDelivered).doesNotContain(oldDelivered, oldParked);
    }

    private UUID delivery(UUID webhook, long activity, String status, Instant created) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into webhook_delivery (id, webhook_id, activity_id, kind, payload, status, next_attempt_at, created_at)
                values (?, ?, ?, 'BET_CREATED', '{}', ?, ?, ?)""", id, webhook, activity, status, Timestamp.from(created),
                Timestamp.from(created));
        return id;
    }
}
