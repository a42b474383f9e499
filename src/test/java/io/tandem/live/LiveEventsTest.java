package io.tandem.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.activity.Activity;
import io.tandem.activity.ActivityKind;
import io.tandem.support.GraphQlTestBase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.Disposable;

/**
 * The delivery machinery under the subscriptions: the NOTIFY travels in the caller's transaction (the one JPA and
 * the engine use), so it is delivered when that transaction commits and never when it rolls back; outside
 * a transaction it goes at once; the listener comes back after losing its connection.
 */
class LiveEventsTest extends GraphQlTestBase {

    @Autowired
    private LiveEvents live;
    @Autowired
    private LiveEventStream stream;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EntityManager entityManager;
    @Autowired
    private TaskService taskService;

    private final BlockingQueue<Activity> received = new LinkedBlockingQueue<>();
    private final UUID bet = UUID.randomUUID();
    private Disposable subscription;

    @BeforeEach
    void listen() {
        subscription = stream.activities().filter(change -> change.betId().equals(bet)).subscribe(received::add);
    }

    @AfterEach
    void stopListening() {
        subscription.dispose();
    }

    @Test
    void jdbcJpaAndTheEngineShareOneDatabaseTransaction() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            long viaJdbc = jdbc.queryForObject("select txid_current()", Long.class);
            long viaJpa = ((Number) entityManager.createNativeQuery("select txid_current()").getSingleResult()).longValue();
            long engineSees = taskService.createNativeTaskQuery()
                    .sql("select case when txid_current() = #{tx} then 1 else 0 end").parameter("tx", viaJdbc).count();
            assertThat(viaJpa).isEqualTo(viaJdbc);
            assertThat(engineSees).as("the engine's statements run in the same transaction").isEqualTo(1);
        });
    }

    @Test
    void anEventIsDeliveredWhenItsTransactionCommitsNotBefore() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            live.betChanged(comment("raised inside the transaction"));
            assertThat(poll(Duration.ofMillis(1500))).as("delivered before commit").isNull();
        });
        Activity delivered = poll(Duration.ofSeconds(10));
        assertThat(delivered).isNotNull();
        assertThat(delivered.kind()).isEqualTo(ActivityKind.COMMENTED);
        assertThat(delivered.summary()).isEqualTo("raised inside the transaction");
        assertThat(delivered.at()).isNotNull();
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverDelivered() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            live.betChanged(comment("rolled back"));
            status.setRollbackOnly();
        });
        // no transaction: goes out at once
        live.betChanged(comment("control"));

        assertThat(poll(Duration.ofSeconds(10))).extracting(Activity::summary).isEqualTo("control");
        assertThat(poll(Duration.ofSeconds(1))).isNull();
    }

    @Test
    void aChangeTooLargeForANotificationIsDeliveredWithoutItsText() {
        live.betChanged(comment("x".repeat(20_000)));

        Activity delivered = poll(Duration.ofSeconds(10));
        assertThat(delivered).isNotNull();
        assertThat(delivered.kind()).isEqualTo(ActivityKind.COMMENTED);
        assertThat(delivered.summary()).isNull();
    }

    @Test
    void theListenerReconnectsAfterLosingItsConnection() {
        List<Map<String, Object>> killed = jdbc.queryForList("select pg_terminate_backend(pid) as done from pg_stat_activity "
                + "where application_name = 'tandem-live-events' and datname = current_database()");
        assertThat(killed).isNotEmpty();

        // what is committed after the listener is back arrives (events while it was away are not replayed)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            live.betChanged(comment("after reconnecting"));
            return poll(Duration.ofMillis(300)) != null;
        });
        assertThat(stream.isListening()).isTrue();
    }

    private Activity comment(String summary) {
        return new Activity(1, 1, bet, null, ActivityKind.COMMENTED, "priya", "Priya Patel", null, null, summary, Instant.now());
    }

    private Activity poll(Duration timeout) {
        try {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
