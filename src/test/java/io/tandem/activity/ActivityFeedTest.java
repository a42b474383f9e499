package io.tandem.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.SecondInstance;
import io.tandem.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The change feed across all bets (`activity`), as an integration reads it: pages in the order of the transactions
 * that made the changes, with a cursor that survives restarts, never a change twice and never a gap, and nothing of a
 * transaction that has not committed.
 */
class ActivityFeedTest extends GraphQlTestBase {

    @Test
    void aReaderPagingWhileOthersWriteGetsEveryChangeOnceInOrder() throws Exception {
        String team = "Feed " + System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String writer = w % 2 == 0 ? "priya" : "erin";
            writing.add(writers.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    String bet = driver.createBet(writer, "team", team);
                    driver.mutateOk("lena", "addComment", input("betId", bet, "body", "Comment " + i));
                }
            }));
        }
        Map<String, Object> filter = Map.of("team", team, "kinds", List.of("BET_CREATED", "COMMENTED"));
        List<Map<String, Object>> read = new ArrayList<>();
        String cursor = null;
        while (writing.stream().anyMatch(f -> !f.isDone())) {
            Map<String, Object> page = page(this::as, "ivan", 7, cursor, filter);
            read.addAll(nodes(page));
            cursor = endCursor(page, cursor);
            Thread.sleep(50);
        }
        for (Future<?> f : writing) {
            f.get();
        }
        writers.shutdown();
        String last = cursor;
        await().atMost(Duration.ofSeconds(10)).until(() -> read.size() + nodes(page(this::as, "ivan", 100, last, filter)).size() >= 40);
        read.addAll(nodes(page(this::as, "ivan", 100, last, filter)));

        assertThat(read).hasSize(40);
        assertThat(read).extracting(e -> e.get("kind")).filteredOn("BET_CREATED"::equals).hasSize(20);
        assertThat(read).extracting(e -> e.get("kind")).filteredOn("COMMENTED"::equals).hasSize(20);
        assertThat(read).extracting(e -> e.get("summary") + "@" + e.get("at") + "#" + betOf(e)).doesNotHaveDuplicates();
        // each bet's creation comes before its comment
        List<String> order = read.stream().map(e -> e.get("kind") + ":" + betOf(e)).toList();
        read.stream().filter(e -> "COMMENTED".equals(e.get("kind"))).forEach(e ->
                assertThat(order.indexOf("BET_CREATED:" + betOf(e))).isLessThan(order.indexOf("COMMENTED:" + betOf(e))));
    }

    @Test
    void aChangeOfAnOpenTransactionHoldsBackTheFeedUntilItEnds() throws Exception {
        String team = "Held " + System.nanoTime();
        Map<String, Object> filter = Map.of("team", team, "kinds", List.of("BET_CREATED", "COMMENTED"));
        String slowBet = driver.createBet("priya");
        try (Connection open = TestDatabase.connect()) {
            open.setAutoCommit(false);
            try (PreparedStatement insert = open.prepareStatement("insert into activity (bet_id, team, kind, summary, at)"
                    + " values (?, ?, 'COMMENTED', 'written by a slow transaction', now())")) {
                insert.setObject(1, GlobalId.require("Bet", slowBet, "betId"));
                insert.setString(2, team);
                insert.executeUpdate();
            }
            String committedLater = driver.createBet("priya", "team", team);

            Map<String, Object> whileOpen = page(this::as, "ivan", 10, null, filter);
            assertThat(nodes(whileOpen)).as("nothing after a transaction still running").isEmpty();
            open.commit();

            String cursor = endCursor(whileOpen, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> nodes(page(this::as, "ivan", 10, cursor, filter)).size() == 2);
            List<Map<String, Object>> after = nodes(page(this::as, "ivan", 10, cursor, filter));
            assertThat(after).extracting(e -> e.get("summary")).containsExactly("written by a slow transaction", "Bet opened");
            assertThat(betOf(after.get(1))).isEqualTo(committedLater);
        }
    }

    @Test
    void aReaderResumesFromItsCursorAfterTandemRestarts() {
        String team = "Resume " + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            driver.createBet("priya", "team", team);
        }
        String cursor;
        try (SecondInstance tandem = SecondInstance.onTheTestDatabase("feedBeforeRestart")) {
            Map<String, Object> first = page(tandem::as, "ivan", 2, null, Map.of("team", team, "kinds", List.of("BET_CREATED")));
            assertThat(nodes(first)).hasSize(2);
            cursor = endCursor(first, null);
        }
        String fourth = driver.createBet("erin", "team", team);
        try (SecondInstance restarted = SecondInstance.onTheTestDatabase("feedAfterRestart")) {
            List<Map<String, Object>> rest = nodes(page(restarted::as, "ivan", 10, cursor,
                    Map.of("team", team, "kinds", List.of("BET_CREATED"))));
            assertThat(rest).hasSize(2);
            assertThat(betOf(rest.get(1))).isEqualTo(fourth);
            assertThat(rest.get(1)).containsEntry("actor", "erin").containsEntry("actorName", "Erin Walsh");
        }
    }

    @Test
    void filtersByKindAndBetAndRefusesACursorItDidNotHandOut() {
        String bet = driver.outcomeGateOpen("ITERATE");

        List<Map<String, Object>> outcome = nodes(page(this::as, "lena", 10, null,
                Map.of("betId", bet, "kinds", List.of("OUTCOME_RECORDED"))));

        assertThat(outcome).singleElement().satisfies(e -> assertThat(e).containsEntry("actor", "priya"));
        as("lena").document("{ activity(after: \"bm90LWEtY3Vyc29y\") { pageInfo { hasNextPage } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> page(Function<String, ? extends GraphQlTester> as, String user, int first, String after,
                                            Map<String, Object> filter) {
        Map<String, Object> filterBy = new HashMap<>(filter);
        return as.apply(user).documentName("activity").variable("first", first).variable("after", after)
                .variable("filterBy", filterBy).execute().path("activity").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    private static String endCursor(Map<String, Object> page, String before) {
        Object end = ((Map<?, ?>) page.get("pageInfo")).get("endCursor");
        return end == null ? before : (String) end;
    }

    private static String betOf(Map<String, Object> event) {
        return (String) ((Map<?, ?>) event.get("bet")).get("id");
    }
}
