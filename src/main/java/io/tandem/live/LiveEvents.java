package io.tandem.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.activity.Activity;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes live events for the subscriptions. An event is a PostgreSQL {@code NOTIFY} on {@value #CHANNEL},
 * sent through the connection of the caller's Spring transaction (JPA and the engine share it): PostgreSQL
 * delivers a notification when that transaction commits and drops it when it rolls back, so a refused mutation
 * never shows up live, and every replica listening on the channel gets it ({@link LiveEventStream}). Called
 * outside a transaction, the notification goes out at once.
 *
 * <p>Payloads carry ids and kinds only (PostgreSQL limits them to 8000 bytes); subscriptions resolve the rest.
 */
@Component
public class LiveEvents {

    /** The PostgreSQL notification channel. */
    public static final String CHANNEL = "tandem_events";
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    private static final int PAYLOAD_MAX = 7900;

    /** One notification: exactly one of the two is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Envelope(TaskChange task, Activity activity) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /** Sees every event raised, committed or not (tests prove that a rolled-back one raised something). */
    private volatile Consumer<Envelope> raised = envelope -> { };

    LiveEvents(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A task was created, claimed, unclaimed, completed, escalated or cancelled. */
    public void taskChanged(TaskChange change) {
        notify(new Envelope(change, null));
    }

    /** Something happened to a bet (a change the feed recorded): for betChanged and activityChanged. */
    public void betChanged(Activity activity) {
        notify(new Envelope(null, activity));
    }

    private void notify(Envelope envelope) {
        String payload = write(envelope);
        if (payload.getBytes(StandardCharsets.UTF_8).length > PAYLOAD_MAX && envelope.activity() != null) {
            Activity a = envelope.activity();
            payload = write(new Envelope(null, new Activity(a.id(), a.tx(), a.betId(), null, a.kind(), a.actorId(), null,
                    a.subjectType(), a.subjectId(), null, a.at())));
        }
        jdbc.query("select pg_notify(?, ?)", (ResultSet rows) -> null, CHANNEL, payload);
        raised.accept(envelope);
    }

    void onRaised(Consumer<Envelope> observer) {
        this.raised = observer == null ? envelope -> { } : observer;
    }

    private String write(Envelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a live event", e);
        }
    }

    Envelope read(String payload) throws JsonProcessingException {
        return json.readValue(payload, Envelope.class);
    }

}
