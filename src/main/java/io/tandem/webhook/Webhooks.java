package io.tandem.webhook;

import io.tandem.activity.ActivityKind;
import io.tandem.security.CurrentUser;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins do with webhooks: register, list, enable and disable, rotate secrets, read and replay deliveries. */
@Service
@PreAuthorize("hasRole('admin')")
public class Webhooks {

    /** An endpoint and its signing secret, which is shown only when it is made. */
    public record WithSecret(Webhook webhook, String secret) {
    }

    private final WebhookRepository webhooks;
    private final JdbcTemplate jdbc;
    private final WebhookProperties properties;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, JdbcTemplate jdbc, WebhookProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public WithSecret create(String url, List<ActivityKind> kinds, String team, CurrentUser admin) {
        WebhookUrls.check(url, properties.allowPrivateUrls());
        String secret = WebhookSignature.newSecret();
        Webhook webhook = webhooks.save(new Webhook(url.strip(), kinds, Texts.optional("team", team, 100), secret, admin.id(),
                StoredTime.now(clock)));
        return new WithSecret(webhook, secret);
    }

    @Transactional(readOnly = true)
    public List<Webhook> all() {
        return webhooks.findAllByOrderByCreatedAtAsc();
    }

    @Transactional
    public Webhook setEnabled(UUID id, boolean enabled) {
        Webhook webhook = get(id);
        webhook.enable(enabled, StoredTime.now(clock));
        return webhook;
    }

    /** A new secret; deliveries from now on are signed with it. */
    @Transactional
    public WithSecret rotateSecret(UUID id) {
        Webhook webhook = get(id);
        String secret = WebhookSignature.newSecret();
        webhook.rotate(secret, StoredTime.now(clock));
        return new WithSecret(webhook, secret);
    }

    /** The newest deliveries of an endpoint, of one status or all. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(UUID webhookId, WebhookDelivery.Status status, int limit) {
        return status == null
                ? jdbc.query("select * from webhook_delivery where webhook_id = ? order by created_at desc, id limit ?",
                        (rs, n) -> delivery(rs), webhookId, limit)
                : jdbc.query("select * from webhook_delivery where webhook_id = ? and status = ? order by created_at desc, id"
                        + " limit ?", (rs, n) -> delivery(rs), webhookId, status.name(), limit);
    }

    /** Sends a delivery again: pending, from its first attempt, now. */
    @Transactional
    public WebhookDelivery replay(UUID deliveryId) {
        int updated = jdbc.update("update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " delivered_at = null where id = ?", Timestamp.from(StoredTime.now(clock)), deliveryId);
        if (updated == 0) {
            throw RuleViolation.notFound("deliveryId", "Webhook delivery " + deliveryId);
        }
        return jdbc.queryForObject("select * from webhook_delivery where id = ?", (rs, n) -> delivery(rs), deliveryId);
    }

    private Webhook get(UUID id) {
        return webhooks.findById(id).orElseThrow(() -> RuleViolation.notFound("webhookId", "Webhook " + id));
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
                rs.getLong("activity_id"), ActivityKind.valueOf(rs.getString("kind")), rs.getString("payload"),
                WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
