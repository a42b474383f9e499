package io.tandem.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.LiveSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A gate that waits longer than the stall threshold (here two seconds) is flagged by its BPMN stall timers: each
 * waiting side is marked stalled and overdue, its priority rises, the escalation is recorded on the bet, once, and
 * the people the task waits on hear of it (inboxChanged ESCALATED).
 */
@TestPropertySource(properties = "tandem.inbox.stalled-after=PT2S")
class StalledGateTest extends GraphQlTestBase {

    @Test
    void aGateWaitingPastTheThresholdIsFlaggedPrioritisedAndEscalated() {
        String bet = driver.createBet("priya");
        try (LiveSocket priyasInbox = LiveSocket.open(port, "priya")) {
            LiveSocket.Received events = priyasInbox.subscribe(LiveSocket.INBOX, Map.of());
            driver.completeFramingWork(bet);
            Map<String, Object> escalated = events.await(LiveSocket.about(bet).and(e -> "ESCALATED".equals(e.get("kind"))),
                    Duration.ofSeconds(90));
            assertThat(escalated).containsEntry("step", "task_sign_framing_product").containsEntry("role", "PRODUCT");
        }
        assertStalledAndEscalated(bet);
        assertThat(escalationsInTheFeed(bet)).containsExactlyInAnyOrder(
                "task_sign_framing_product at FRAMING stalled, waiting on anyone of the product role",
                "task_sign_framing_engineering at FRAMING stalled, waiting on anyone of the engineering role");
    }

    /** The summaries of the bet's ESCALATED changes in the feed, where integrations and webhooks read them. */
    @SuppressWarnings("unchecked")
    private List<String> escalationsInTheFeed(String bet) {
        List<Map<String, Object>> edges = as("ivan").documentName("activity").variable("first", 10)
                .variable("filterBy", Map.of("betId", bet, "kinds", List.of("ESCALATED"))).execute()
                .path("activity.edges").entity(List.class).get();
        return edges.stream().map(e -> (String) ((Map<String, Object>) e.get("node")).get("summary")).toList();
    }

    private void assertStalledAndEscalated(String bet) {
        assertThat(driver.waitingTasks(bet)).allSatisfy(t ->
                assertThat(Instant.parse((String) t.get("dueAt"))).isEqualTo(Instant.parse((String) t.get("since")).plusSeconds(2)));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> driver.waitingTasks(bet).stream().allMatch(t -> Boolean.TRUE.equals(t.get("stalled"))));

        assertThat(driver.waitingTasks(bet)).allSatisfy(t -> assertThat(t).containsEntry("priority", 80).containsEntry("overdue", true));
        List<Map<String, Object>> escalations = driver.escalations(bet);
        assertThat(escalations).extracting(e -> e.get("gate") + ":" + e.get("role"))
                .containsExactlyInAnyOrder("FRAMING:PRODUCT", "FRAMING:ENGINEERING");
        assertThat(escalations).allSatisfy(e -> assertThat(Instant.parse((String) e.get("escalatedAt")))
                .isAfterOrEqualTo(Instant.parse((String) e.get("waitingSince")).plusSeconds(2)));

        Map<String, Object> first = firstByPriority("priya");
        assertThat(first).containsEntry("stalled", true).containsEntry("priority", 80);

        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(driver.waitingTasks(bet)).singleElement().satisfies(t -> assertThat(t).containsEntry("role", "ENGINEERING")
                .containsEntry("stalled", true));
        assertThat(driver.escalations(bet)).as("each stall is recorded once").hasSize(2);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> firstByPriority(String user) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) as(user).documentName("myTasks").variable("first", 1)
                .variable("orderBy", Map.of("field", "PRIORITY")).execute().path("myTasks.edges").entity(List.class).get();
        return (Map<String, Object>) edges.get(0).get("node");
    }}
