package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.live.LiveEventStream;
import io.tandem.support.RawGraphQlSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** GraphQL over WebSocket signed in with real Keycloak tokens in connection_init, as a browser front-end does. */
class KeycloakLiveSocketTest extends KeycloakTestBase {

    @Autowired
    private LiveEventStream stream;

    @BeforeAll
    static void shortLivedTokens() {
        keycloak.createShortLivedClient("short-lived-socket", 2);
    }

    @Test
    void aKeycloakTokenSignsInTheSocketForQueriesMutationsAndSubscriptions() {
        WebSocketGraphQlClient priya = client("Bearer " + keycloak.passwordToken("tandem", WEB, "priya"));
        try {
            ClientGraphQlResponse viewer = priya.document("{ viewer { id roles } }").execute().block(Duration.ofSeconds(30));
            assertThat(viewer.field("viewer.id").toEntity(String.class)).isEqualTo("priya");
            assertThat(viewer.field("viewer.roles").toEntityList(String.class)).containsExactly("PRODUCT");

            List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
            int before = stream.subscribers();
            Disposable inbox = priya.document("subscription { inboxChanged { kind step bet { id createdBy } } }").executeSubscription()
                    .subscribe(response -> events.add(response.field("inboxChanged").toEntity(Map.class)));
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.subscribers() > before);
            // created over the same socket: the bet's first product task lands in priya's inbox
            String bet = priya.document("mutation { createBet(input: {title: \"Over the socket\"}) { bet { id } } }")
                    .execute().block(Duration.ofSeconds(30)).field("createBet.bet.id").toEntity(String.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> events.stream().anyMatch(e -> bet.equals(((Map<?, ?>) e.get("bet")).get("id"))));
            assertThat(events).filteredOn(e -> bet.equals(((Map<?, ?>) e.get("bet")).get("id")))
                    .extracting(e -> e.get("kind") + " " + e.get("step") + " " + ((Map<?, ?>) e.get("bet")).get("createdBy"))
                    .containsExactly("CREATED task_write_brief priya");
            inbox.dispose();
        } finally {
            priya.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void anExpiredTokenNoLongerActsOnTheSocket() {
        WebSocketGraphQlClient socket = client("Bearer " + keycloak.passwordToken("tandem", "short-lived-socket", "lena"));
        try {
            assertThat(socket.document("{ viewer { id } }").execute().block(Duration.ofSeconds(30))
                    .field("viewer.id").toEntity(String.class)).isEqualTo("lena");
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            List<ResponseError> errors = socket.document("{ viewer { id } }").execute().block(Duration.ofSeconds(30)).getErrors();
            assertThat(errors).extracting(e -> String.valueOf(e.getErrorType())).containsExactly("UNAUTHORIZED");
        } finally {
            socket.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void badTokensAndDemoPasswordsAreRefusedWith4401() {
        String otherRealm = keycloak.passwordToken("elsewhere-socket", WEB, "priya");
        for (String credentials : List.of("Bearer not.a.jwt", "Bearer " + otherRealm,
                "Basic " + Base64.getEncoder().encodeToString("priya:priya".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(closeCode(credentials)).as(credentials).isEqualTo(4401);
        }
    }

    @BeforeAll
    static void anotherRealm() {
        keycloak.createLookAlikeRealm("elsewhere-socket", WEB);
    }

    private WebSocketGraphQlClient client(String authorization) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + port + "/graphql-ws"),
                new ReactorNettyWebSocketClient()).interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", authorization));
                    }
                }).build();
        client.start().block(Duration.ofSeconds(30));
        return client;
    }

    private int closeCode(String authorization) {
        String init = "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + authorization + "\"}}";
        return RawGraphQlSocket.exchange(port, List.of(init), 1).closed().getCode();
    }
}
