package io.tandem.graphql.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.GraphQlTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * GraphQL results are written by GraphQlJsonHttpHandler, not by Jackson's map serializer: the bytes a client gets
 * must be the JSON Jackson writes for the same result, with strings, numbers, booleans and nulls as they are.
 */
class GraphQlJsonResponseTest extends GraphQlTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLE = "Ünïcode \"quoted\" \\ slash / tab\t 🚀 <b>&</b>";

    @Test
    void writesDataAsJacksonWould() throws Exception {
        String betId = driver.createBet("priya", "title", TITLE);
        driver.reviseBrief("priya", betId);
        driver.addConstraint("erin", betId, "Rate limit");

        String body = post("""
                { bet(id: "%s") { title window brief { revision successMetrics { name baseline target } }
                                  constraints { title acknowledged } } }""".formatted(betId));

        assertThat(body).isEqualTo(asJacksonWritesIt(body));
        JsonNode bet = JSON.readTree(body).path("data").path("bet");
        assertThat(bet.path("title").textValue()).isEqualTo(TITLE);
        assertThat(bet.path("window").isNull()).isTrue();
        assertThat(bet.path("brief").path("revision").isInt()).isTrue();
        assertThat(bet.path("brief").path("successMetrics").get(0).path("target").asDouble()).isEqualTo(3.0);
        assertThat(bet.path("constraints").get(0).path("acknowledged").isBoolean()).isTrue();
    }

    @Test
    void writesErrorsAsJacksonWould() throws Exception {
        String body = post("{ bets(first: -1) { totalCount } }");

        assertThat(body).isEqualTo(asJacksonWritesIt(body));
        JsonNode error = JSON.readTree(body).path("errors").get(0);
        assertThat(error.path("path").get(0).textValue()).isEqualTo("bets");
        assertThat(error.path("locations").get(0).path("line").isInt()).isTrue();
        assertThat(error.path("extensions").path("classification").textValue()).isEqualTo("BAD_REQUEST");
    }

    /** As Spring's Jackson converter wrote it before: UTF-8 bytes, in which Jackson escapes surrogate pairs. */
    private static String asJacksonWritesIt(String body) throws IOException {
        return new String(JSON.writeValueAsBytes(JSON.readValue(body, LinkedHashMap.class)), StandardCharsets.UTF_8);
    }

    private String post(String document) {
        return http().post().uri("/graphql")
                .headers(headers -> headers.setBasicAuth("priya", "priya"))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
