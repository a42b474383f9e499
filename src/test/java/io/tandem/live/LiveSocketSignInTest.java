package io.tandem.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.GraphQlOverHttp;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.RawGraphQlSocket;
import io.tandem.support.RawGraphQlSocket.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signing in on /graphql-ws happens in the protocol's connection_init message; the server answers connection_ack,
 * or closes the socket with 4401 and nothing else. Raw graphql-transport-ws messages, as any client sends them.
 */
class LiveSocketSignInTest extends GraphQlTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rightCredentialsAreAcknowledgedInEitherSpelling() {
        assertThat(init(Map.of("Authorization", GraphQlOverHttp.basic("priya", "priya"))).types()).containsExactly("connection_ack");
        assertThat(init(Map.of("authorization", GraphQlOverHttp.basic("lena", "lena"))).types()).containsExactly("connection_ack");
    }

    @Test
    void aWrongPasswordIsRejected() {
        Outcome outcome = init(Map.of("Authorization", GraphQlOverHttp.basic("priya", "paul")));
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

    private Outcome exchange(List<String> messages, int replies) {
        return RawGraphQlSocket.exchange(port, messages, replies);
    }
}
