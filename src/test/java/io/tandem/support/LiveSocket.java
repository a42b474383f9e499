package io.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.tandem.live.LiveEventStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** A GraphQL-over-WebSocket client (graphql-transport-ws) signed in as one demo user, the way a front-end is. */
public final class LiveSocket implements AutoCloseable {

    public static final String INBOX = "subscription { inboxChanged { kind taskId step gate role assignee at bet { id title } } }";
    public static final String BET = "subscription($id: ID!) { betChanged(betId: $id) { kind summary at bet { id title } } }";

    private final WebSocketGraphQlClient client;

    private LiveSocket(WebSocketGraphQlClient client) {
        this.client = client;
    }

    /** Connects to /graphql-ws and signs in with {"Authorization": "Basic ..."} in connection_init. */
    public static LiveSocket open(int port, String user) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + port + "/graphql-ws"),
                        new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", GraphQlOverHttp.basic(user, user)));
                    }
                })
                .build();
        client.start().block(Duration.ofSeconds(20));
        return new LiveSocket(client);
    }

    /** Runs a query or mutation on this socket. */
    public ClientGraphQlResponse execute(String document, Map<String, Object> variables) {
        return client.document(document).variables(variables).execute().block(Duration.ofSeconds(60));
    }

    /** Subscribes and waits until the server holds the subscription, so that what happens next is seen. */
    public Received subscribeHeld(LiveEventStream server, String document, Map<String, Object> variables) {
        int before = server.subscribers();
        Received received = subscribe(document, variables);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.subscribers() > before || received.error.get() != null);
        assertThat(received.error.get()).isNull();
        return received;
    }

    /** Starts a subscription; the caller waits until the server holds it before causing events. */
    public Received subscribe(String document, Map<String, Object> variables) {
        Received received = new Received();
        received.subscription = client.document(document).variables(variables).executeSubscription()
                .subscribe(received::next, received.error::set);
        return received;
    }

    @Override
    public void close() {
        client.stop().block(Duration.ofSeconds(10));
    }

    /** What one subscription received, in order. */
    public static final class Received {

        private final BlockingQueue<Map<String, Object>> queue = new LinkedBlockingQueue<>();
        private final List<Map<String, Object>> all = new CopyOnWriteArrayList<>();
        private final List<ClientGraphQlResponse> withErrors = new CopyOnWriteArrayList<>();
        public final AtomicReference<Throwable> error = new AtomicReference<>();
        private Disposable subscription;

        @SuppressWarnings("unchecked")
        private void next(ClientGraphQlResponse response) {
            if (!response.getErrors().isEmpty()) {
                withErrors.add(response);
            }
            Map<String, Object> data = response.getData();
            if (data != null && data.size() == 1) {
                Map<String, Object> event = (Map<String, Object>) data.values().iterator().next();
                if (event != null) {
                    all.add(event);
                    queue.add(event);
                }
            }
        }

        /** The next event that matches, waiting up to the timeout; those skipped stay in {@link #all()}. */
        public Map<String, Object> await(Predicate<Map<String, Object>> which, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    Map<String, Object> event = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                    if (event == null) {
                        return fail("No matching event within " + timeout + "; received " + all + ", error " + error.get());
                    }
                    if (which.test(event)) {
                        return event;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Every event received so far. */
        public List<Map<String, Object>> all() {
            assertThat(withErrors).as("events that came with errors").isEmpty();
            return new ArrayList<>(all);
        }

        /** Every event received so far that matches. */
        public List<Map<String, Object>> all(Predicate<Map<String, Object>> which) {
            return all().stream().filter(which).toList();
        }

        public void cancel() {
            subscription.dispose();
        }
    }

    /** Events about one bet (by its global id). */
    @SuppressWarnings("unchecked")
    public static Predicate<Map<String, Object>> about(String betId) {
        return event -> betId.equals(((Map<String, Object>) event.get("bet")).get("id"));
    }
}
