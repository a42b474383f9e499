package io.tandem.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The GraphQL WebSocket (/graphql-ws, graphql-transport-ws) spoken by hand, message by message, for what a well-behaved
 * client never sends (no payload, bad credentials, a subscription before connection_init) and for the close status the
 * server answers with.
 */
public final class RawGraphQlSocket {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The types of the messages the server sent, and how it closed the socket (NO_STATUS_CODE if it did not). */
    public record Outcome(List<String> types, CloseStatus closed) {
    }

    private RawGraphQlSocket() {
    }

    /** Sends the messages, reads up to {@code replies} messages (or until the server closes), then closes. */
    public static Outcome exchange(int port, List<String> messages, int replies) {
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
        }).block(Duration.ofSeconds(30));
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
