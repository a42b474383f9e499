package io.tandem.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The live sockets one test opens, closed after it: register as a field with {@code @RegisterExtension}.
 * {@link #ARRIVES} is how long a test waits for an event it expects.
 */
public final class LiveSockets implements AfterEachCallback {

    public static final Duration ARRIVES = Duration.ofSeconds(15);

    private final List<LiveSocket> open = new ArrayList<>();

    /** A socket to the instance on this port, signed in as this demo user. */
    public LiveSocket open(int port, String user) {
        LiveSocket socket = LiveSocket.open(port, user);
        open.add(socket);
        return socket;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(LiveSocket::close);
        open.clear();
    }
}
