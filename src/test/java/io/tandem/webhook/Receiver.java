package io.tandem.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP receiver on the loopback, as a customer's endpoint would be: it records each request and answers a status. */
final class Receiver implements AutoCloseable {

    record Received(Instant at, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Instant.now(), Map.of(
                    "webhook-id", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
                    "webhook-timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                    "webhook-signature", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature"))), body));
            byte[] reply = "receiver says so".getBytes(StandardCharsets.UTF_8);
            int status = answer.get();
            exchange.sendResponseHeaders(status, status == 204 ? -1 : reply.length);
            if (status != 204) {
                exchange.getResponseBody().write(reply);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void answer(int status) {
        answer.set(status);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
