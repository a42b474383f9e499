package io.tandem.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import io.tandem.support.SecondInstance;
import io.tandem.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhooks sent to a real HTTP receiver on the loopback (allowed here by tandem.webhooks.allow-private-urls): signed so
 * that the documented recipe verifies them, retried with growing waits and parked when the receiver keeps failing,
 * replayed on request, and sent once even with two instances of Tandem on one database.
 */
@TestPropertySource(properties = {
        "operaton.bpm.process-engine-name=webhooks",
        "tandem.webhooks.allow-private-urls=true",
        "tandem.webhooks.send-every=100ms",
        "tandem.webhooks.first-retry-after=300ms",
        "tandem.webhooks.attempts=4",
        "tandem.webhooks.timeout=5s"
})
class WebhookDeliveryTest extends GraphQlTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Receiver> receivers = new ArrayList<>();
    private final List<String> webhooks = new ArrayList<>();

    @AfterEach
    void stop() {
        webhooks.forEach(id -> driver.mutate("ada", "disableWebhook", input("webhookId", id)));
        receivers.forEach(Receiver::close);
    }

    @Test
    void aChangeIsPostedSignedSoThatTheDocumentedRecipeVerifiesIt() throws Exception {
        Receiver receiver = receiver();
        String team = "Hooked " + System.nanoTime();
        Payload created = register(receiver, List.of("COMMENTED"), team);
        String secret = (String) created.body().get("secret");
        String bet = driver.createBet("priya", "team", team);

        driver.mutateOk("lena", "addComment", input("betId", bet, "body", "Ship it"));

        await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.received().isEmpty());
        Receiver.Received post = receiver.received().get(0);
        assertThat(post.headers().get("webhook-signature")).isEqualTo(expectedSignature(secret, post));
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.path("type").asText()).isEqualTo("COMMENTED");
        assertThat(body.path("data").path("bet").asText()).isEqualTo(bet);
        assertThat(body.path("data").path("actor").asText()).isEqualTo("lena");
        assertThat(body.path("data").path("team").asText()).isEqualTo(team);
        assertThat(Long.parseLong(post.headers().get("webhook-timestamp")))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries(created)).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "DELIVERED").containsEntry("attempts", 1)
                        .containsEntry("lastStatus", 204).containsEntry("id", post.headers().get("webhook-id"))));
        assertThat(receiver.received()).as("only the kinds and team asked for").hasSize(1);
    }

    @Test
    void aFailingReceiverGetsRetriesWithGrowingWaitsThenTheDeliveryIsParkedAndCanBeReplayed() {
        Receiver receiver = receiver();
        receiver.answer(500);
        String team = "Failing " + System.nanoTime();
        Payload created = register(receiver, List.of("BET_CREATED"), team);
        driver.createBet("priya", "team", team);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 4
                && "PARKED".equals(deliveries(created).get(0).get("status")));
        List<Receiver.Received> attempts = receiver.received();
        assertThat(attempts).extracting(r -> r.headers().get("webhook-id")).containsOnly(attempts.get(0).headers().get("webhook-id"));
        List<Long> waits = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            waits.add(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()).toMillis());
        }
        System.out.println("Waits between attempts (ms): " + waits);
        assertThat(waits.get(0)).isGreaterThanOrEqualTo(250);
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(550);
        assertThat(waits.get(2)).isGreaterThanOrEqualTo(1150);
        Map<String, Object> parked = deliveries(created).get(0);
        assertThat(parked).containsEntry("attempts", 4).containsEntry("lastStatus", 500);
        assertThat((String) parked.get("lastError")).isEqualTo("HTTP 500: receiver says so");
        assertThat(receiver.received()).hasSize(4);

        receiver.answer(200);
        Payload replayed = driver.mutateOk("ada", "replayWebhookDelivery", input("deliveryId", parked.get("id")));

        assertThat(replayed.get("delivery")).containsEntry("status", "PENDING");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(deliveries(created).get(0).get("status")));
        assertThat(receiver.received()).hasSize(5);
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachChangeOnce() {
        Receiver receiver = receiver();
        String team = "Twice " + System.nanoTime();
        register(receiver, List.of("COMMENTED"), team);
        List<String> args = new ArrayList<>();
        TestDatabase.register((name, value) -> args.add("--" + name + "=" + value.get()));
        args.addAll(List.of("--tandem.webhooks.allow-private-urls=true", "--tandem.webhooks.send-every=100ms"));
        try (SecondInstance other = SecondInstance.start("webhooksReplica", args.toArray(String[]::new))) {
            String bet = driver.createBet("priya", "team", team);
            for (int i = 0; i < 20; i++) {
                (i % 2 == 0 ? driver : other.driver()).mutateOk("lena", "addComment", input("betId", bet, "body", "Comment " + i));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 20);
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        }
        assertThat(receiver.received()).hasSize(20);
        assertThat(receiver.received()).extracting(r -> r.headers().get("webhook-id")).doesNotHaveDuplicates();
    }

    @Test
    void aRotatedSecretSignsWhatIsSentAfterIt() throws Exception {
        Receiver receiver = receiver();
        String team = "Rotated " + System.nanoTime();
        Payload created = register(receiver, List.of("BET_CREATED"), team);
        Payload rotated = driver.mutateOk("ada", "rotateWebhookSecret", input("webhookId", created.get("webhook").get("id")));
        String secret = (String) rotated.body().get("secret");
        assertThat(secret).startsWith("whsec_").isNotEqualTo(created.body().get("secret"));

        driver.createBet("priya", "team", team);

        await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.received().isEmpty());
        assertThat(receiver.received().get(0).headers().get("webhook-signature"))
                .isEqualTo(expectedSignature(secret, receiver.received().get(0)));
    }

    private Receiver receiver() {
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        return receiver;
    }

    private Payload register(Receiver receiver, List<String> kinds, String team) {
        Payload created = driver.mutateOk("ada", "createWebhook", input("url", receiver.url(), "kinds", kinds, "team", team));
        webhooks.add((String) created.get("webhook").get("id"));
        return created;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deliveries(Payload created) {
        String id = (String) created.get("webhook").get("id");
        List<Map<String, Object>> all = as("ada").document("{ webhooks { id deliveries(first: 10) "
                + "{ id status attempts lastStatus lastError } } }").execute().path("webhooks").entity(List.class).get();
        return (List<Map<String, Object>>) all.stream().filter(w -> id.equals(w.get("id"))).findFirst().orElseThrow()
                .get("deliveries");
    }

    /** The recipe of docs/api.md: base64 HMAC-SHA256 over id.timestamp.body, keyed with the secret's bytes after whsec_. */
    private static String expectedSignature(String secret, Receiver.Received post) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = post.headers().get("webhook-id") + "." + post.headers().get("webhook-timestamp") + "." + post.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
