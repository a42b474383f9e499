package io.tandem.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.introspection.IntrospectionQuery;
import io.tandem.support.GraphQlOverHttp;
import io.tandem.support.GraphQlTestBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per bound on a GraphQL request, at the documented defaults (docs/api.md, "Limits"; tandem.graphql.*): a
 * request over the bound gets one classified error and no data, one just inside it is answered.
 */
class GraphQlLimitsTest extends GraphQlTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REQUEST_BYTES = 256 * 1024;

    /** A limit on a query's shape: the largest query it lets through, the smallest it refuses, and why. */
    record ShapeLimit(String name, String largest, String tooLarge, String code, String refusal) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ShapeLimit> shapeLimits() {
        return Stream.of(
                // bet > latestDecision > supersedes × n > id: n + 3 levels
                new ShapeLimit("depth", supersedesChain(9), supersedesChain(10), "QUERY_TOO_DEEP",
                        "The query nests fields 13 deep; at most 12 levels are allowed"),
                // bets 1 + nodes 20 + decisions 20 + (nodes + id) 2 × 20 × n = 41 + 40n
                new ShapeLimit("cost", "{ bets(first: 20) { nodes { decisions(first: 48) { nodes { id } } } } }",
                        "{ bets(first: 20) { nodes { decisions(first: 49) { nodes { id } } } } }", "QUERY_TOO_COMPLEX",
                        "The query costs 2001; at most 2000 is allowed (each field costs 1, times the page size of every"
                                + " connection above it)"),
                new ShapeLimit("aliases", "{ viewer { " + aliases(30, "a%d: id") + " } }",
                        "{ viewer { " + aliases(31, "a%d: id") + " } }", "TOO_MANY_ALIASES",
                        "The request has 31 aliased fields; at most 30 are allowed"),
                new ShapeLimit("root fields", "{ " + aliases(10, "v%d: viewer { id }") + " }",
                        "{ " + aliases(11, "v%d: viewer { id }") + " }", "TOO_MANY_ROOT_FIELDS",
                        "The operation asks for 11 root fields; at most 10 are allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeLimits")
    void answersAQueryAtALimitAndRefusesOnePastIt(ShapeLimit limit) {
        Response largest = post("priya", limit.largest());
        Response tooLarge = post("priya", limit.tooLarge());

        assertThat(largest.errors()).as(largest.body()).isEmpty();
        assertThat(largest.json().path("data").isMissingNode()).as(largest.body()).isFalse();
        assertThat(tooLarge.onlyError(limit.code())).isEqualTo(limit.refusal());
    }

    @Test
    void answersEveryOneOfThirtyAliases() {
        Response most = post("priya", "{ viewer { " + aliases(30, "a%d: id") + " } }");

        assertThat(most.json().path("data").path("viewer").path("a30").asText()).isEqualTo("priya");
    }

    @ParameterizedTest(name = "declaring its length: {0}")
    @ValueSource(booleans = {true, false})
    void refusesARequestBodyOver256KiBWith413(boolean declaredLength) {
        Response largest = send("priya", paddedRequest(MAX_REQUEST_BYTES), declaredLength);
        Response tooLarge = send("priya", paddedRequest(MAX_REQUEST_BYTES + 1), declaredLength);

        assertThat(largest.status()).as(largest.body()).isEqualTo(200);
        assertThat(largest.json().path("data").path("viewer").path("id").asText()).as(largest.body()).isEqualTo("priya");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.onlyError("REQUEST_TOO_LARGE")).isEqualTo("The request body is larger than 262144 bytes");
    }

    @Test
    void refusesADocumentOfMoreThanFifteenThousandTokens() {
        // 17 tokens around the list: { bets ( filterBy : { stages : [ ... ] } ) { totalCount } } and the end
        Response most = post("priya", stagesFilter(15_000 - 17));
        Response tooMany = post("priya", stagesFilter(15_000 - 16));

        assertThat(most.errors()).as(most.body()).isEmpty();
        assertThat(tooMany.onlyError("InvalidSyntax")).startsWith("More than 15,000 'grammar' tokens have been presented");
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101})
    void refusesAPageOfMoreThanAHundredOnEveryConnection(int first) {
        String bet = driver.createBet("priya");
        Response bets = post("priya", "{ bets(first: " + first + ") { totalCount } }");
        Response decisions = post("priya", "{ bet(id: \"" + bet + "\") { decisions(first: " + first + ") { totalCount } } }");

        if (first <= Connections.MAX_PAGE) {
            assertThat(bets.errors()).as(bets.body()).isEmpty();
            assertThat(decisions.errors()).as(decisions.body()).isEmpty();
        } else {
            assertThat(bets.onlyError("BAD_REQUEST")).isEqualTo("first must be between 1 and 100, not 101");
            assertThat(decisions.onlyError("BAD_REQUEST")).isEqualTo("first must be between 1 and 100, not 101");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ viewr { id } }|viewer",
            "{ bets(frist: 5) { totalCount } }|first",
            "{ bets(orderBy: {field: CREATD_AT, direction: ASC}) { totalCount } }|CREATED_AT",
            "{ viewer { nmae } }|name"})
    void namesNoFieldArgumentOrValueTheClientDidNotWrite(String documentAndRightName) {
        String[] parts = documentAndRightName.split("\\|");

        Response misspelled = post("priya", parts[0]);

        String message = misspelled.onlyError("ValidationError");
        assertThat(message).doesNotContain(parts[1]).doesNotContainIgnoringCase("did you mean");
    }

    @ParameterizedTest(name = "body [{0}]")
    @ValueSource(strings = {
            "null", "[]", "[{\"query\": \"{ viewer { id } }\"}]", "\"{ viewer { id } }\"", "42", "true", "{}", "",
            "{\"query\": null}", "{\"query\": 1}", "{\"query\": {\"text\": \"{ viewer { id } }\"}}",
            "{\"query\": \"{ viewer { id } }\", \"variables\": []}",
            "{\"query\": \"{ viewer { id } }\", \"variables\": \"{}\"}",
            "{\"query\": \"{ viewer { id } }\", \"operationName\": 1}",
            "{\"query\": \"{ viewer { id } }\", \"extensions\": 1}",
            "{\"query\": \"{ viewer { id } }\"", "{\"query\": \"{ viewer { id } }\"} trailing"})
    void answersABodyThatIsNotAGraphQlRequestWith400AndOneError(String body) {
        Response malformed = send("priya", body, true);

        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.onlyError("BAD_REQUEST")).isNotBlank();
        assertThat(malformed.json().has("data")).isFalse();
    }

    @Test
    void stillTakesNullVariablesAndOperationName() {
        Response ok = send("priya", "{\"query\": \"{ viewer { id } }\", \"variables\": null, \"operationName\": null}", true);

        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("data").path("viewer").path("id").asText()).isEqualTo("priya");
    }

    @Test
    void answersGraphiQLsIntrospectionQueryOutsideProduction() {
        Response introspection = post("priya", IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(introspection.errors()).as(introspection.body()).isEmpty();
        assertThat(introspection.json().path("data").path("__schema").path("queryType").path("name").asText()).isEqualTo("Query");
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** What a client sees: the HTTP status, the body, and the body as JSON. */
    record Response(int status, String body, JsonNode json) {

        JsonNode errors() {
            return json.path("errors");
        }

        /** Expects exactly one error of this classification and no data (at most nulls); returns its message. */
        String onlyError(String classification) {
            assertThat(errors()).as(body).hasSize(1);
            JsonNode error = errors().get(0);
            assertThat(error.path("extensions").path("classification").asText()).as(body).isEqualTo(classification);
            json.path("data").forEach(field -> assertThat(field.isNull()).as("data of %s", body).isTrue());
            return error.path("message").asText();
        }
    }

    private Response post(String user, String document) {
        try {
            return send(user, JSON.writeValueAsString(Map.of("query", document)), true);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Posts a body as it is, in English (parser messages are localised); without a declared length it goes
     * chunked. No response may carry a stack trace.
     */
    Response send(String user, String body, boolean declaredLength) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = declaredLength ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        HttpResponse<String> response = GraphQlOverHttp.post(port, user, publisher);
        assertThat(response.body()).as("response body").doesNotContain("Exception").doesNotContain("\tat ");
        try {
            return new Response(response.statusCode(), response.body(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String supersedesChain(int links) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(("Bet:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        return "{ bet(id: \"" + id + "\") { latestDecision { " + "supersedes { ".repeat(links) + "id" + " }".repeat(links) + " } } }";
    }

    private static String aliases(int count, String pattern) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> pattern.formatted(i)).collect(Collectors.joining(" "));
    }

    private static String stagesFilter(int values) {
        return "{ bets(filterBy: {stages: [" + " FRAMING".repeat(values) + " ]}) { totalCount } }";
    }

    /** A request of exactly {@code bytes} bytes: a small query and a variable no operation uses, padded. */
    private static String paddedRequest(int bytes) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", "{ viewer { id } }");
        request.put("variables", Map.of("padding", ""));
        try {
            String empty = JSON.writeValueAsString(request);
            request.put("variables", Map.of("padding", "x".repeat(bytes - empty.length())));
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
