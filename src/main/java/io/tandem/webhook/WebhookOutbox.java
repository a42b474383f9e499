package io.tandem.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.activity.Activity;
import io.tandem.activity.ActivityEvent;
import io.tandem.activity.ActivityRecorded;
import io.tandem.graphql.GlobalId;
import io.tandem.security.NameCopy;
import io.tandem.shared.StoredTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes each change into the outbox of every enabled endpoint that wants it, inside the change's own transaction: a
 * change that commits is sent at least once, a change that rolls back never.
 */
@Component
class WebhookOutbox {

    private final WebhookRepository webhooks;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookRepository webhooks, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void recorded(ActivityRecorded event) {
        Activity activity = event.activity();
        Instant now = StoredTime.now(clock);
        for (Webhook webhook : webhooks.findByEnabledTrue()) {
            if (webhook.wants(activity)) {
                jdbc.update("""
                        insert into webhook_delivery (id, webhook_id, activity_id, kind, payload, status, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict (webhook_id, activity_id) do nothing""",
                        UUID.randomUUID(), webhook.getId(), activity.id(), activity.kind().name(), payload(activity),
                        Timestamp.from(now), Timestamp.from(now));
            }
        }
    }

    /** The body sent: the change as the feed tells it, in the Standard Webhooks envelope {type, timestamp, data}. */
    private String payload(Activity activity) {
        ActivityEvent change = ActivityEvent.of(activity);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bet", GlobalId.of("Bet", activity.betId()));
        data.put("team", activity.team());
        data.put("actor", change.actor());
        data.put("actorName", change.actorName());
        data.put("subject", change.subjectId());
        data.put("summary", change.summary());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", activity.kind().name());
        body.put("timestamp", activity.at().toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change is always serialisable", e);
        }
    }

    /** A delivery's payload (JSON) carries the actor's name and the summary. */
    @Bean
    static NameCopy webhookPayloadNames() {
        return NameCopy.jsonText("webhook_delivery", "payload");
    }
}
