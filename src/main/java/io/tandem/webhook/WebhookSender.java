package io.tandem.webhook;

import io.tandem.graphql.GlobalId;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Each round locks the due deliveries it takes (FOR UPDATE SKIP LOCKED) for as long as it sends
 * them, so another instance's round takes others or none: one delivery is never sent twice at once. A 2xx answer
 * delivers it; anything else, or no answer in time, counts as a failed attempt, retried after a wait that doubles each
 * time, and after the last attempt the delivery is parked until an admin replays it.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int ERROR_MAX = 500;

    private record Due(UUID id, String url, String secret, String payload, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(JdbcTemplate jdbc, PlatformTransactionManager transactions, WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${tandem.webhooks.send-every}", initialDelayString = "${tandem.webhooks.send-every}")
    void sendDue() {
        try {
            int sent;
            do {
                sent = round();
            } while (sent == properties.batch());
        } catch (RuntimeException e) {
            log.warn("Could not send due webhook deliveries; trying again at the next round: {}", e.toString());
        }
    }

    /** One batch of due deliveries, sent while their rows are locked; how many it took. */
    int round() {
        Integer taken = transaction.execute(status -> {
            List<Due> due = jdbc.query("""
                    select d.id, w.url, w.secret, d.payload, d.attempts
                      from webhook_delivery d join webhook w on w.id = d.webhook_id
                     where d.status = 'PENDING' and d.next_attempt_at <= ? and w.enabled
                     order by d.next_attempt_at, d.id
                     limit ? for update of d skip locked""",
                    (rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("secret"),
                            rs.getString("payload"), rs.getInt("attempts")),
                    Timestamp.from(clock.instant()), properties.batch());
            due.forEach(this::attempt);
            return due.size();
        });
        return taken == null ? 0 : taken;
    }

    private void attempt(Due due) {
        Instant now = StoredTime.now(clock);
        String error = null;
        Integer status = null;
        try {
            URI target = WebhookUrls.check(due.url(), properties.allowPrivateUrls());
            long timestamp = now.getEpochSecond();
            // the delivery's global id, as its log shows it: the same on every retry
            String messageId = GlobalId.of(WebhookController.DELIVERY, due.id());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(properties.timeout())
                    .header("Content-Type", "application/json").header("User-Agent", "Tandem-Webhooks")
                    .header("webhook-id", messageId).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(due.secret(), messageId, timestamp, due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload())).build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = "HTTP " + status + (response.body().isBlank() ? "" : ": " + response.body().strip());
            }
        } catch (RuleViolation refused) {
            error = "Not sent: " + refused.getMessage();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted";
        }
        int attempts = due.attempts() + 1;
        // the wait counts from the end of the failed attempt, however long it took
        Instant finished = StoredTime.now(clock);
        if (error == null) {
            jdbc.update("update webhook_delivery set status = 'DELIVERED', attempts = ?, last_attempt_at = ?, last_status = ?,"
                    + " last_error = null, delivered_at = ? where id = ?", attempts, Timestamp.from(now), status,
                    Timestamp.from(now), due.id());
        } else {
            boolean park = attempts >= properties.attempts();
            jdbc.update("update webhook_delivery set status = ?, attempts = ?, last_attempt_at = ?, last_status = ?,"
                    + " last_error = ?, next_attempt_at = ? where id = ?", park ? "PARKED" : "PENDING", attempts,
                    Timestamp.from(now), status, error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX - 1) + "…" : error,
                    Timestamp.from(park ? finished : finished.plus(properties.waitAfter(attempts))), due.id());
        }
    }
}
