package io.tandem.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.LiveSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Signing in on /graphql-ws happens in the protocol's connection_init message; the server answers connection_ack,
 * or closes the socket with 4401 and nothing else. Raw graphql-transport-ws messages, as any client sends them.
 */
class LiveSocketSignInTest extends GraphQlTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    record Outcome(List<String> types, CloseStatus closed) {
    }

    @Test
    void rightCredentialsAreAcknowledgedInEitherSpelling() {
        assertThat(init(Map.of("Authorization", LiveSocket.basic("priya", "priya"))).types()).containsExactly("connection_ack");
        assertThat(init(Map.of("authorization", LiveSocket.basic("lena", "lena"))).types()).containsExactly("connection_ack");
    }

    @Test
    void aWrongPasswordIsRejected() {
        Outcome outcome = init(Map.of("Authorization", LiveSocket.basic("priya", "paul")));
        assertThat(outcome.types()).isEmpty();
        assertThat(outcome.closed().getCode()).isEqualTo(4401);
    }

    @Test
    void missingOrMalformedCredentialsAreRejected() {
        for (Object payload : List.of(Map.of(), Map.of("Authorization", ""), Map.of("Authorization", "Basic not-base64!"),
                Map.of("Authorization", "Bearer not.a.jwt"), Map.of("Authorization", "Digest priya"), Map.of("Authorization", 42))) {
            Outcome outcome = init(payload);
            assertThat(outcome.types()).as(payload.toString()).isEmpty();
            assertThat(outcome.closed().getCode()).as(payload.toString()).isEqualTo(4401);
        }
        Outcome noPayload = exchange(List.of("{\"type\":\"connection_init\"}"), 1);
        assertThat(noPayload.types()).isEmpty();
        assertThat(noPayload.closed().getCode()).isEqualTo(4401);
    }

    @Test
    void subscribingWithoutSigningInIsRejected() {
        Outcome outcome = exchange(List.of("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { inboxChanged { kind } }\"}}"), 1);
        assertThat(outcome.types()).isEmpty();
        assertThat(outcome.closed().getCode()).isEqualTo(4401);
    }

    private Outcome init(Object payload) {
        try {
            return exchange(List.of(JSON.writeValueAsString(Map.of("type", "connection_init", "payload", payload))), 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the messages, reads up to {@code replies} messages (or until the server closes), then closes. */
    private Outcome exchange(List<String> messages, int replies) {
        List<String> types = new CopyOnWriteArrayList<>();
        AtomicReference<CloseStatus> closed = new AtomicReference<>();
        new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + port + "/graphql-ws"), new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return List.of("graphql-transport-ws");
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                session.closeStatus().subscribe(closed::set);
                return session.send(Flux.fromIterable(messages).map(session::textMessage))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).take(replies))
                        .doOnNext(text -> types.add(type(text)))
                        .then(session.close());
            }
        }).block(Duration.ofSeconds(20));
        return new Outcome(types, closed.get() == null ? CloseStatus.NO_STATUS_CODE : closed.get());
    }

    private static String type(String message) {
        try {
            return JSON.readTree(message).path("type").asText();
        } catch (Exception e) {
            return message;
        }
    }
}
