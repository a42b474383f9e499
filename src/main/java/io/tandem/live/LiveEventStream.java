package io.tandem.live;

import com.zaxxer.hikari.HikariDataSource;
import io.tandem.activity.Activity;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Receives the live events of every replica: one thread per instance holds a connection of its own (outside the
 * pool) that {@code LISTEN}s on {@value LiveEvents#CHANNEL}, and hands each notification to the subscriptions of
 * this instance. A lost connection is opened again, backing off up to 30 s; what was committed while it was down
 * is not replayed (a client that reconnects reads the current state with a query).
 *
 * <p>Fan-out is a best-effort multicast: each subscription buffers what it has not sent yet (see
 * {@link LiveController}), so a slow client loses its own oldest events and never holds up the others.
 */
@Component
public class LiveEventStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEventStream.class);
    private static final int POLL_MILLIS = 250;
    private static final Duration KEEPALIVE = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final LiveEvents events;
    private final Sinks.Many<Object> sink = Sinks.many().multicast().directBestEffort();

    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;
    private Connection first;

    LiveEventStream(DataSource dataSource, LiveEvents events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    /** Task changes committed on any replica, from now on. */
    public Flux<TaskChange> tasks() {
        return sink.asFlux().ofType(TaskChange.class);
    }

    /** Changes to bets committed on any replica, from now on. */
    public Flux<Activity> activities() {
        return sink.asFlux().ofType(Activity.class);
    }

    /** How many subscriptions of this instance receive events now. */
    public int subscribers() {
        return sink.currentSubscriberCount();
    }

    /** Whether this instance is listening right now (false while it reconnects). */
    public boolean isListening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        // Listen before the application reports ready, so nothing committed after startup is missed.
        try {
            first = listen();
        } catch (SQLException e) {
            log.warn("Live events: could not listen on {} yet, retrying in the background: {}", LiveEvents.CHANNEL, e.getMessage());
        }
        thread = new Thread(this::run, "tandem-live-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread listener;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            listener = thread;
        }
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // subscribers see their subscription complete and may resubscribe on another replica
        sink.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        Connection connection = first;
        first = null;
        while (running) {
            try {
                if (connection == null) {
                    connection = listen();
                    log.info("Live events: listening on {} again", LiveEvents.CHANNEL);
                }
                backoff = Duration.ofSeconds(1);
                receive(connection);
            } catch (SQLException e) {
                if (running) {
                    log.warn("Live events: lost the connection ({}); reconnecting in {} s", e.getMessage(), backoff.toSeconds());
                }
            } finally {
                listening = false;
                close(connection);
                connection = null;
            }
            if (running && !sleep(backoff)) {
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        listening = false;
    }

    /** Delivers notifications until the connection fails or the instance stops. */
    private void receive(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    dispatch(notification.getParameter());
                }
            }
            if (System.nanoTime() - lastCheck > KEEPALIVE.toNanos()) {
                // a connection the network dropped silently shows up only when something is sent on it
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    private void dispatch(String payload) {
        LiveEvents.Envelope envelope;
        try {
            envelope = events.read(payload);
        } catch (Exception e) {
            log.warn("Live events: ignored a notification that is not an event: {}", e.getMessage());
            return;
        }
        Object event = envelope.task() != null ? envelope.task() : envelope.activity();
        if (event != null) {
            // the only emitter is this thread; with no subscriber the event simply goes nowhere
            sink.tryEmitNext(event);
        }
    }

    private Connection listen() throws SQLException {
        Connection connection = open();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + LiveEvents.CHANNEL);
        } catch (SQLException e) {
            close(connection);
            throw e;
        }
        listening = true;
        return connection;
    }

    /** A connection of its own with the pool's settings, so listening never takes a slot requests need. */
    private Connection open() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            if (hikari.getJdbcUrl() != null) {
                Properties properties = new Properties();
                properties.putAll(hikari.getDataSourceProperties());
                if (hikari.getUsername() != null) {
                    properties.setProperty("user", hikari.getUsername());
                }
                if (hikari.getPassword() != null) {
                    properties.setProperty("password", hikari.getPassword());
                }
                properties.setProperty("ApplicationName", "tandem-live-events");
                return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            }
        }
        Connection pooled = dataSource.getConnection();
        pooled.setAutoCommit(true);
        return pooled;
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken
            }
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
