package io.tandem.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.GraphQlTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Malformed, unknown and out-of-range input, sent as raw HTTP GraphQL requests so that every response
 * body can be checked: business refusals are userErrors naming the input field, malformed requests are
 * classified top-level errors, unauthenticated requests are 401 — and no body ever leaks a stack trace.
 */
class InputValidationTest extends GraphQlTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GARBAGE_ID = "not a global id!";

    // --- unknown ids ----------------------------------------------------------------------------

    static Stream<Arguments> mutationsTakingABetId() {
        return Stream.of(
                Arguments.of("submitBrief", input()),
                Arguments.of("submitConstraints", input()),
                Arguments.of("reviseBrief", input("problem", "Checkout abandons")),
                Arguments.of("addConstraint", input("title", "Rate limit", "description", "10 rps", "severity", "SHAPING")),
                Arguments.of("assessUncertainty", input("uncertainty", "LOW")),
                Arguments.of("signGate", input("gate", "FRAMING")),
                Arguments.of("recordSpikeFindings", input("findings", "It works")),
                Arguments.of("proposeKill", input("rationale", "No longer needed")),
                Arguments.of("addComment", input("body", "Anyone here?")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutationsTakingABetId")
    void refusesAnUnknownBetIdAsNotFound(String operation, Map<String, Object> rest) {
        Response response = mutate("sam", operation, withBetId(globalId("Bet", UUID.randomUUID()), rest));

        refused(response, operation, "NOT_FOUND", "betId");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutationsTakingABetId")
    void refusesAGarbageBetIdAsNotFound(String operation, Map<String, Object> rest) {
        Response response = mutate("sam", operation, withBetId(GARBAGE_ID, rest));

        refused(response, operation, "NOT_FOUND", "betId");
    }

    @Test
    void refusesTheIdOfAnotherTypeAsABetId() {
        String bet = driver.createBet("priya");
        String constraint = driver.addConstraint("erin", bet, "Rate limit");
        Map<String, Object> before = driver.state(bet);

        Response response = mutate("priya", "submitBrief", input("betId", constraint));

        refused(response, "submitBrief", "NOT_FOUND", "betId");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusesAnUnknownConstraintIdAsNotFound(boolean wellFormed) {
        String id = wellFormed ? globalId("TechnicalConstraint", UUID.randomUUID()) : GARBAGE_ID;

        Response response = mutate("priya", "acknowledgeConstraint", input("constraintId", id));

        refused(response, "acknowledgeConstraint", "NOT_FOUND", "constraintId");
    }

    @ParameterizedTest
    @ValueSource(strings = {GARBAGE_ID, "", "QmV0Om5vdC1hLXV1aWQ", "QmV0OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA"})
    void answersNullForABetQueryWithAnIdThatNamesNoBet(String id) {
        // "Bet:not-a-uuid" and "Bet:00000000-0000-0000-0000-000000000000", base64url
        Response response = post("lena", "query($id: ID!) { bet(id: $id) { id title } }", Map.of("id", id));

        assertThat(response.errors()).isEmpty();
        assertThat(response.data("bet").isNull()).as(response.body()).isTrue();
    }

    // --- empty and over-long text -----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesAnEmptyTitle(String title) {
        Response response = mutate("priya", "createBet", input("title", title));

        refused(response, "createBet", "INVALID_INPUT", "title");
    }

    /** New bets with one invalid field, each made from a marker that would stand in its title. */
    static Stream<Arguments> invalidNewBets() {
        Stream<Arguments> timeboxes = Stream.of("five days", "P", "PT0S", "P0D", "-P5D").map(timebox -> Arguments.of(
                "spike timebox " + timebox, (Function<String, Map<String, Object>>) marker -> input("title", marker,
                        "spikeTimebox", timebox), "spikeTimebox"));
        return Stream.concat(Stream.of(
                Arguments.of("a title over 200 characters",
                        (Function<String, Map<String, Object>>) marker -> input("title", padded(marker, 201)), "title"),
                Arguments.of("high uncertainty without a spike question",
                        (Function<String, Map<String, Object>>) marker -> input("title", marker, "uncertainty", "HIGH"),
                        "spikeQuestion")), timeboxes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNewBets")
    void refusesANewBetWithAnInvalidFieldAndCreatesNone(String what, Function<String, Map<String, Object>> newBet,
            String field) {
        String marker = uniqueMarker();

        Response response = mutate("priya", "createBet", newBet.apply(marker));

        refused(response, "createBet", "INVALID_INPUT", field);
        assertThat(betsTitled(marker)).isZero();
    }

    @Test
    void acceptsATitleOfExactlyTwoHundredCharacters() {
        String marker = uniqueMarker();

        Response response = mutate("priya", "createBet", input("title", padded(marker, 200)));

        assertThat(response.payload("createBet").get("userErrors")).isEmpty();
        assertThat(betsTitled(marker)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidProblems")
    void refusesAnEmptyOrOverLongProblem(String problem, String what) {
        String bet = driver.createBet("priya");
        Map<String, Object> before = driver.state(bet);

        Response response = mutate("priya", "reviseBrief", input("betId", bet, "problem", problem));

        refused(response, "reviseBrief", "INVALID_INPUT", "problem");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    static Stream<Arguments> invalidProblems() {
        return Stream.of(Arguments.of("p".repeat(20_001), "20,001 characters"), Arguments.of(" ", "blank"));
    }

    @Test
    void refusesAReasonOverTwoThousandCharacters() {
        String bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        Map<String, Object> before = driver.state(bet);

        Response response = mutate("erin", "signGate", input("betId", bet, "gate", "FRAMING",
                "answer", "REQUEST_CHANGES", "reason", "r".repeat(2_001)));

        refused(response, "signGate", "INVALID_INPUT", "reason");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    // --- durations and the spike plan ------------------------------------------------------------

    // --- malformed values: top-level validation errors -------------------------------------------

    @Test
    void refusesAnInvalidEnumValueInVariablesAsAValidationError() {
        String title = uniqueMarker();

        Response response = mutate("priya", "createBet", input("title", title, "uncertainty", "ENORMOUS"));

        topLevelError(response, "ValidationError");
        assertThat(betsTitled(title)).isZero();
    }

    @Test
    void refusesAnInvalidEnumLiteralInTheDocumentAsAValidationError() {
        String title = uniqueMarker();

        Response response = post("priya", "mutation($title: String!) { createBet(input: {title: $title, uncertainty: ENORMOUS}) "
                + "{ bet { id } userErrors { code } } }", Map.of("title", title));

        topLevelError(response, "ValidationError");
        assertThat(betsTitled(title)).isZero();
    }

    @Test
    void refusesAMalformedBriefWindowDateAsAValidationError() {
        String bet = driver.createBet("priya");
        Map<String, Object> before = driver.state(bet);

        Response response = mutate("priya", "reviseBrief", input("betId", bet, "problem", "Checkout abandons",
                "window", "31/12/2027"));

        topLevelError(response, "ValidationError");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @Test
    void refusesAMalformedOptionWindowDateAsAValidationError() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        Map<String, Object> before = driver.state(bet);

        Response response = mutate("erin", "proposeOptions", input("betId", bet, "options", List.of(
                option("Thin", "2099-01-31"), option("Deep", "next spring"))));

        topLevelError(response, "ValidationError");
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    // --- page sizes ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void refusesAPageSizeOutsideOneToAHundredAsABadRequest(int first) {
        Response response = post("lena", "query($first: Int) { bets(first: $first) { totalCount nodes { id } } }",
                Map.of("first", first));

        topLevelError(response, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "{0}(first: {1})")
    @CsvSource({"decisions, 0", "decisions, 101", "comments, 0", "comments, 101"})
    void refusesAPageSizeOutsideOneToAHundredInsideABetAsABadRequest(String list, int first) {
        String bet = driver.createBet("priya");

        Response response = post("lena", "query($id: ID!, $first: Int) { bet(id: $id) { id " + list
                + "(first: $first) { totalCount } } }", Map.of("id", bet, "first", first));

        onlyError(response, "BAD_REQUEST");
        assertThat(response.data("bet").isNull()).as(response.body()).isTrue();
    }

    // --- credentials --------------------------------------------------------------------------------

    @Test
    void answersMissingCredentialsWith401() {
        Response response = post(null, null, "{ viewer { id } }", Map.of());

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void answersAWrongPasswordWith401() {
        Response response = post("priya", "not-priyas-password", "{ viewer { id } }", Map.of());

        assertThat(response.status()).isEqualTo(401);
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** A GraphQL response as raw HTTP: the status, the body text, and the body parsed when it is JSON. */
    private record Response(int status, String body, JsonNode json) {

        List<JsonNode> errors() {
            JsonNode errors = json.path("errors");
            return errors.isMissingNode() ? List.of() : toList(errors);
        }

        JsonNode data(String field) {
            return json.path("data").path(field);
        }

        /** A mutation payload, after checking the request produced no top-level error. */
        JsonNode payload(String operation) {
            assertThat(errors()).as("top-level errors in %s", body).isEmpty();
            return data(operation);
        }

        private static List<JsonNode> toList(JsonNode array) {
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            return list;
        }
    }

    /** Expects exactly one userError with this code and field, and nothing else in the payload. */
    private static void refused(Response response, String operation, String code, String field) {
        JsonNode payload = response.payload(operation);
        assertThat(payload.path("userErrors")).as(response.body()).hasSize(1);
        JsonNode error = payload.path("userErrors").get(0);
        assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(error.path("message").asText()).isNotBlank();
        payload.fields().forEachRemaining(entry -> {
            if (!entry.getKey().equals("userErrors")) {
                assertThat(entry.getValue().isNull()).as("payload field %s of a refused mutation", entry.getKey()).isTrue();
            }
        });
    }

    /** Expects a single top-level error of this classification, a short message, and no data. */
    private static void topLevelError(Response response, String classification) {
        onlyError(response, classification);
        JsonNode data = response.json().path("data");
        assertThat(data.isMissingNode() || data.isNull()).as("data of %s", response.body()).isTrue();
    }

    private static void onlyError(Response response, String classification) {
        assertThat(response.errors()).as(response.body()).singleElement().satisfies(error -> {
            assertThat(error.path("extensions").path("classification").asText()).isEqualTo(classification);
            assertThat(error.path("message").asText()).isNotBlank();
        });
    }

    private Response mutate(String user, String operation, Map<String, Object> input) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("input", input);
        return post(user, document(operation), variables);
    }

    private Response post(String user, String query, Map<String, Object> variables) {
        return post(user, user, query, variables);
    }

    /** Posts a GraphQL request as a client would and checks that the body leaks no stack trace. */
    private Response post(String user, String password, String query, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", query);
        request.put("variables", variables);
        EntityExchangeResult<String> result = http().post().uri("/graphql")
                .headers(headers -> {
                    if (user != null) {
                        headers.setBasicAuth(user, password);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange().expectBody(String.class).returnResult();
        String body = result.getResponseBody() == null ? "" : result.getResponseBody();
        assertThat(body).as("response body").doesNotContain("at io.tandem").doesNotContain("Exception");
        return new Response(result.getStatus().value(), body, parse(body));
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    private static String document(String operation) {
        try {
            return new ClassPathResource("graphql-test/" + operation + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long betsTitled(String titleFragment) {
        Response response = post("lena", "query($title: String) { bets(filterBy: {titleContains: $title}) { totalCount } }",
                Map.of("title", titleFragment));
        assertThat(response.errors()).as(response.body()).isEmpty();
        return response.data("bets").path("totalCount").asLong(-1);
    }

    private static Map<String, Object> withBetId(String betId, Map<String, Object> rest) {
        Map<String, Object> input = input("betId", betId);
        input.putAll(rest);
        return input;
    }

    private static Map<String, Object> option(String label, String window) {
        return input("label", label, "scopeSummary", label + " scope", "window", window, "gains", "Something", "givesUp", "Something else");
    }

    private static String globalId(String type, UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String uniqueMarker() {
        return "Validation " + UUID.randomUUID();
    }

    private static String padded(String start, int length) {
        return start + "x".repeat(length - start.length());
    }
}
