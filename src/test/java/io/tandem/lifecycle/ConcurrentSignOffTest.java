package io.tandem.lifecycle;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.bet.BetService;
import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import io.tandem.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two changes to one bet at the same moment: the first claim wins, the other caller gets a retryable
 * CONFLICT (or, if it came second, WRONG_STAGE) as a userError — never an internal error, never a
 * second sign-off for the same side.
 */
class ConcurrentSignOffTest extends GraphQlTestBase {

    @Autowired
    private BetService bets;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void refusesASignOffWithConflictWhenAnotherTransactionClaimedTheBetFirst() throws Exception {
        String bet = framingGateOpen();
        Map<String, Object> before = driver.state(bet);
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Future<?> holder = threads.submit(() -> holdClaim(bet, claimed, release));
        assertThat(claimed.await(30, SECONDS)).as("the holder claimed the bet").isTrue();
        Future<Payload> signing = threads.submit(() -> sign("priya", bet));
        // the sign-off has read the bet and now waits for the holder's row lock
        await().atMost(Duration.ofSeconds(30)).until(() -> claimsWaitingForALock() > 0);
        release.countDown();
        holder.get(30, SECONDS);

        Payload payload = signing.get(60, SECONDS);
        assertThat(payload.userErrors()).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("code", "CONFLICT").containsEntry("field", "betId"));
        assertThat(payload.bet()).isNull();
        // the holder changed only the version, which no reader sees
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @RepeatedTest(4)
    void twoProductUsersSigningTheSameSideAtOnceLeaveExactlyOneSignOff() throws Exception {
        String bet = framingGateOpen();
        CountDownLatch start = new CountDownLatch(1);

        Future<Payload> priya = threads.submit(() -> signAfter(start, "priya", bet));
        Future<Payload> paul = threads.submit(() -> signAfter(start, "paul", bet));
        start.countDown();
        Map<String, Payload> results = Map.of("priya", priya.get(60, SECONDS), "paul", paul.get(60, SECONDS));

        String winner = onlyWinner(results);
        String loser = winner.equals("priya") ? "paul" : "priya";
        assertThat(results.get(loser).errorCodes()).as("the loser's userErrors").singleElement()
                .isIn("CONFLICT", "WRONG_STAGE");
        assertThat(results.get(loser).bet()).isNull();
        assertThat(driver.waitingOn(bet)).containsExactly("task_sign_framing_engineering");
        assertThat(decisionCount(bet)).isZero();

        // engineering closes the gate: the framing decision is signed by the winner and erin, nobody else
        assertThat(sign("erin", bet).betStage()).isEqualTo("COMMITMENT");
        assertThat(framingSigners(bet)).containsExactly(Map.<String, Object>of("userId", winner, "role", "product"),
                Map.<String, Object>of("userId", "erin", "role", "engineering"));
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Claims the bet in a transaction of its own and keeps it (and the row lock) until released. */
    private void holdClaim(String bet, CountDownLatch claimed, CountDownLatch release) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            bets.claimForChange(uuid(bet), "betId");
            claimed.countDown();
            try {
                assertThat(release.await(60, SECONDS)).as("released").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Signs the framing gate and fails on any top-level error: a race must end in a userError. */
    private Payload sign(String user, String bet) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = as(user).documentName("signGate").variable("input", input("betId", bet, "gate", "FRAMING"))
                .execute().errors().verify().path("signGate").entity(Map.class).get();
        return new Payload(body);
    }

    private Payload signAfter(CountDownLatch start, String user, String bet) throws InterruptedException {
        start.await();
        return sign(user, bet);
    }

    private static String onlyWinner(Map<String, Payload> results) {
        List<String> winners = results.entrySet().stream().filter(e -> e.getValue().ok()).map(Map.Entry::getKey).toList();
        assertThat(winners).as("signers whose sign-off was accepted").hasSize(1);
        return winners.get(0);
    }

    /** Sessions of the test database blocked on a lock while bumping a bet's version. */
    private static int claimsWaitingForALock() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select count(*) from pg_stat_activity
                     where datname = current_database() and wait_event_type = 'Lock' and query ilike 'update bet %'
                     """)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private String framingGateOpen() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        assertThat(driver.waitingOn(bet)).containsExactlyInAnyOrder("task_sign_framing_product", "task_sign_framing_engineering");
        return bet;
    }

    @SuppressWarnings("unchecked")
    private long decisionCount(String bet) {
        return ((Number) ((Map<String, Object>) driver.state(bet).get("decisions")).get("totalCount")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> framingSigners(String bet) {
        Map<String, Object> decision = (Map<String, Object>) driver.state(bet).get("latestDecision");
        assertThat(decision).containsEntry("kind", "FRAMING_APPROVED");
        return ((List<Map<String, Object>>) decision.get("signers")).stream()
                .map(s -> Map.<String, Object>of("userId", s.get("userId"), "role", s.get("role"))).toList();
    }

    private static UUID uuid(String globalId) {
        return GlobalId.parse(globalId).orElseThrow().id();
    }
}
