package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.tandem.checkpoint.Checkpoints;
import io.tandem.support.GraphQlTestBase;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * Every query and mutation of the schema, called by every role and by someone signed in without a Tandem
 * role, against the roles table of docs/product.md ("Roles"). The operations come from the schema files, so a new
 * operation fails here until it has a row in {@link #RULES}.
 *
 * A call is allowed when no FORBIDDEN error comes back; a business refusal (NOT_FOUND for a mutation on a
 * bet that does not exist) still means the caller's roles got it past the role check. Mutations therefore
 * name well-formed ids of the right type that find nothing: the role check comes first and nothing changes.
 */
class AuthorizationMatrixTest extends GraphQlTestBase {

    /** Who may do something, as a set of roles any one of which is enough. */
    enum Access {
        /** Anyone signed in, even without a Tandem role: who am I, and which roles do I have. */
        SIGNED_IN(EnumSet.noneOf(Role.class)),
        /** Every Tandem role reads everything (leadership, integrations and admins included). */
        READ(EnumSet.allOf(Role.class)),
        PRODUCT(EnumSet.of(Role.PRODUCT)),
        ENGINEERING(EnumSet.of(Role.ENGINEERING)),
        PRODUCT_OR_ENGINEERING(EnumSet.of(Role.PRODUCT, Role.ENGINEERING)),
        /** People who share context on a bet: both roles and leadership (integrations read, admins operate). */
        COMMENT(EnumSet.of(Role.PRODUCT, Role.ENGINEERING, Role.LEADERSHIP)),
        /** Freeing or reassigning a task: the people it waits on, and admins, who repair what others left held. */
        TASK_HOLDERS_OR_ADMIN(EnumSet.of(Role.PRODUCT, Role.ENGINEERING, Role.ADMIN)),
        /** Changing a bet's lead: its people hand over; an admin is the second person of a reassignment. */
        LEADS_OR_ADMIN(EnumSet.of(Role.PRODUCT, Role.ENGINEERING, Role.ADMIN)),
        /** Appending metric readings: integrations with the integration-metrics scope. */
        RECORD_READINGS(EnumSet.of(Role.INTEGRATION_METRICS)),
        /** Running the betting table (cycles, placements, the signatures that close a table) and making asks. */
        LEADERSHIP(EnumSet.of(Role.LEADERSHIP)),
        /** Signing a gate: product and engineering, and leadership the OPTIONS gates of its own asks. */
        SIGN_GATE(EnumSet.of(Role.PRODUCT, Role.ENGINEERING, Role.LEADERSHIP)),
        /** Repairing a bet's workflow outside the lifecycle: admins only, on the record. */
        ADMIN(EnumSet.of(Role.ADMIN));

        private final Set<Role> roles;

        Access(Set<Role> roles) {
            this.roles = roles;
        }

        boolean allows(Set<Role> held) {
            return this == SIGNED_IN || !Collections.disjoint(roles, held);
        }
    }

    /** The roles table of docs/product.md ("Roles"), one row per operation of the schema. */
    private static final Map<String, Access> RULES = Map.ofEntries(
            Map.entry("viewer", Access.SIGNED_IN),
            Map.entry("bet", Access.READ),
            Map.entry("bets", Access.READ),
            Map.entry("node", Access.READ),
            Map.entry("verifyDecisionLog", Access.READ),
            Map.entry("latestCheckpoint", Access.READ),
            Map.entry("checkpointKey", Access.READ),
            Map.entry("scorecard", Access.READ),
            Map.entry("createBet", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("reviseBrief", Access.PRODUCT),
            Map.entry("submitBrief", Access.PRODUCT),
            Map.entry("acknowledgeConstraint", Access.PRODUCT),
            Map.entry("recordOutcome", Access.PRODUCT),
            Map.entry("confirmDelivery", Access.PRODUCT),
            Map.entry("addConstraint", Access.ENGINEERING),
            Map.entry("submitConstraints", Access.ENGINEERING),
            Map.entry("assessUncertainty", Access.ENGINEERING),
            Map.entry("recordSpikeFindings", Access.ENGINEERING),
            Map.entry("proposeOptions", Access.ENGINEERING),
            Map.entry("markDelivered", Access.ENGINEERING),
            Map.entry("signGate", Access.SIGN_GATE),
            Map.entry("makeAsk", Access.LEADERSHIP),
            Map.entry("stateAskOptions", Access.ENGINEERING),
            Map.entry("proposeKill", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("proposeVoid", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("postStatusUpdate", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("requestWindowChange", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("requestScopeChange", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("recordCorrection", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("updateBet", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("changeLead", Access.LEADS_OR_ADMIN),
            Map.entry("nameStandIn", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("revokeStandIn", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("people", Access.READ),
            Map.entry("activity", Access.READ),
            Map.entry("activityChanged", Access.READ),
            Map.entry("webhooks", Access.ADMIN),
            Map.entry("recordMetricReading", Access.RECORD_READINGS),
            Map.entry("createWebhook", Access.ADMIN),
            Map.entry("disableWebhook", Access.ADMIN),
            Map.entry("enableWebhook", Access.ADMIN),
            Map.entry("rotateWebhookSecret", Access.ADMIN),
            Map.entry("replayWebhookDelivery", Access.ADMIN),
            Map.entry("addComment", Access.COMMENT),
            Map.entry("myTasks", Access.READ),
            Map.entry("claimTask", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("unclaimTask", Access.TASK_HOLDERS_OR_ADMIN),
            Map.entry("handOverTask", Access.TASK_HOLDERS_OR_ADMIN),
            Map.entry("workflowProblems", Access.READ),
            Map.entry("restartWorkflow", Access.ADMIN),
            Map.entry("erasePersonalData", Access.ADMIN),
            Map.entry("cycles", Access.READ),
            Map.entry("createCycle", Access.LEADERSHIP),
            Map.entry("pitchBet", Access.PRODUCT_OR_ENGINEERING),
            Map.entry("placeBet", Access.LEADERSHIP),
            Map.entry("signCycleTable", Access.LEADERSHIP),
            // every role may subscribe; inboxChanged then delivers only what the subscriber acts on (LiveUpdatesTest)
            Map.entry("inboxChanged", Access.READ),
            Map.entry("betChanged", Access.READ));

    /** The read queries, each selecting every nested field a role check could hide behind. */
    private static final Map<String, String> READS = Map.ofEntries(
            Map.entry("viewer", "{ viewer { id name roles } }"),
            Map.entry("bet", "query($id: ID!) { bet(id: $id) { id title stage brief { problem successMetrics { name } } briefRevisions { revision } "
                    + "constraints { title acknowledgements { response } } options { label } latestDecision { kind signers { userId } } "
                    + "decisions(first: 10) { totalCount nodes { sequence supersedes { id } supersededBy { id } } } "
                    + "waitingOn { step role lead assignee stalled } escalations { step } statusUpdates { text } changeRequests { id } outcomeReport { whatWeLearned } "
                    + "comments(first: 5) { totalCount nodes { id body replyTo { id } bet { id } } } "
                    + "pendingLeadReassignments { side to } standIns { id side standIn from to active } "
                    + "latestMetricReadings { metric value } "
                    + "pendingCorrection { id supersedes { id } rationale proposedBy proposerName side proposedAt } } }"),
            Map.entry("bets", "{ bets(first: 5) { totalCount nodes { id title waitingOn { step } } } }"),
            Map.entry("node", "query($id: ID!) { node(id: $id) { id ... on Bet { title brief { problem } } } }"),
            Map.entry("verifyDecisionLog", "query($id: ID!) { verifyDecisionLog(betId: $id) { valid entriesChecked } }"),
            Map.entry("latestCheckpoint", "{ latestCheckpoint { at size root } }"),
            Map.entry("checkpointKey", "{ checkpointKey { publicKey } }"),
            Map.entry("scorecard", "{ scorecard(input: {from: \"2020-01-01\", to: \"2020-12-31\"}) { betsClosed winRate } }"),
            Map.entry("myTasks", "{ myTasks(first: 5) { totalCount edges { node { taskId step assignee bet { id } } } } }"),
            Map.entry("people", "{ people(first: 5) { totalCount nodes { id name email roles listedAt } } }"),
            Map.entry("activity", "{ activity(first: 5) { edges { cursor node { kind actor subjectId bet { id } } } pageInfo { endCursor } } }"),
            Map.entry("workflowProblems", "{ workflowProblems(first: 5) { totalCount nodes { bet { id } problem detail processInstanceId } } }"),
            Map.entry("webhooks", "{ webhooks { id url kinds team enabled deliveries(first: 1) { id status payload } } }"),
            Map.entry("cycles", "{ cycles { id name capacity { team personWeeks placedWeeks remainingWeeks } placed { id bet { id }"
                    + " cycle { id } } pitched { id } notPlaced { reason } signatures { signerId } } }"));

    /** The subscriptions, over WebSocket (/graphql-ws) signed in with connection_init. */
    private static final Map<String, String> SUBSCRIPTIONS = Map.of(
            "inboxChanged", "subscription { inboxChanged { kind bet { id } } }",
            "betChanged", "subscription($id: ID!) { betChanged(betId: $id) { kind bet { id } } }",
            "activityChanged", "subscription { activityChanged { kind bet { id } } }");

    /** The type each ID field of a mutation input names; an ID field not listed here fails the test. */
    private static final Map<String, String> ID_TYPES = Map.ofEntries(
            Map.entry("betId", "Bet"), Map.entry("constraintId", "TechnicalConstraint"), Map.entry("supersedes", "Decision"),
            Map.entry("optionId", "BetOption"), Map.entry("changeRequestId", "ChangeRequest"), Map.entry("replyTo", "Comment"),
            Map.entry("taskId", "Task"), Map.entry("standInId", "StandIn"), Map.entry("webhookId", "Webhook"),
            Map.entry("deliveryId", "WebhookDelivery"), Map.entry("cycleId", "Cycle"), Map.entry("pitchId", "Pitch"),
            Map.entry("toCycleId", "Cycle"), Map.entry("receiptId", "Receipt"));

    /** The callers: one demo user per role, sam for both signing roles, and nora with no Tandem role. */
    enum Caller {
        PRODUCT("priya", Role.PRODUCT),
        ENGINEERING("erin", Role.ENGINEERING),
        PRODUCT_AND_ENGINEERING("sam", Role.PRODUCT, Role.ENGINEERING),
        LEADERSHIP("lena", Role.LEADERSHIP),
        INTEGRATION("ivan", Role.INTEGRATION),
        METRICS_INTEGRATION("maya", Role.INTEGRATION, Role.INTEGRATION_METRICS),
        ADMIN("ada", Role.ADMIN),
        NO_ROLE("nora");

        final String user;
        final Set<Role> roles;

        Caller(String user, Role... roles) {
            this.user = user;
            this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        }
    }

    private static final TypeDefinitionRegistry SCHEMA = schema();
    /** A bet with a brief, an acknowledged constraint, a commitment, a status update and a comment, for the reads. */
    private static String richBet;

    /** The demo users' store; absent when an identity provider is configured. */
    @Autowired(required = false)
    private UserDetailsService userDetails;

    @Autowired
    private Checkpoints checkpoints;

    @BeforeEach
    void prepare() {
        // Demo mode keeps its users in a UserDetailsManager; a user without a role is added there for this test.
        if (userDetails instanceof UserDetailsManager users && !users.userExists(Caller.NO_ROLE.user)) {
            users.createUser(User.withUsername(Caller.NO_ROLE.user).password("{noop}" + Caller.NO_ROLE.user)
                    .authorities(List.of()).build());
        }
        if (richBet == null) {
            String bet = driver.createBet("priya");
            String constraint = driver.addConstraint("erin", bet, "Rate limit");
            driver.mutateOk("priya", "acknowledgeConstraint", input("constraintId", constraint, "response", "Fine"));
            driver.commit(bet);
            driver.mutateOk("erin", "postStatusUpdate", input("betId", bet, "status", "ON_TRACK", "text", "Going well"));
            driver.mutateOk("lena", "addComment", input("betId", bet, "body", "Glad to see this moving"));
            checkpoints.write();
            richBet = bet;
        }
    }

    @Test
    void everyOperationOfTheSchemaHasARule() {
        assertThat(RULES.keySet()).as("operations without a rule, or rules for operations that are gone")
                .containsExactlyInAnyOrderElementsOf(operations().keySet());
        assertThat(READS.keySet()).as("every query has a read document")
                .containsExactlyInAnyOrderElementsOf(operationsOf("Query").stream().map(FieldDefinition::getName).toList());
    }

    static Stream<Arguments> calls() {
        return operations().keySet().stream().sorted()
                .flatMap(operation -> Stream.of(Caller.values()).map(caller -> Arguments.of(operation, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("calls")
    void allowsExactlyTheRolesOfTheRolesTable(String operation, Caller caller) {
        Access rule = RULES.get(operation);
        if (rule == null) {
            fail(operation + " has no rule in AuthorizationMatrixTest.RULES: decide who may call it (docs/product.md, Roles)");
        }
        if (caller == Caller.NO_ROLE) {
            Assumptions.assumeTrue(userDetails instanceof UserDetailsManager, "no way to sign in without a role in this mode");
        }
        JsonNode response = SUBSCRIPTIONS.containsKey(operation) ? subscribe(caller.user, operation) : call(caller.user, operation);
        List<String> classifications = response.path("errors").findValuesAsText("classification");
        JsonNode result = response.path("data").path(operation);
        String what = operation + " by " + caller + ": " + response;

        if (rule.allows(caller.roles)) {
            assertThat(classifications).as(what).isEmpty();
            assertThat(result.isMissingNode() || result.isNull()).as(what).isFalse();
        } else {
            assertThat(classifications).as(what).containsExactly("FORBIDDEN");
            assertThat(response.path("errors").get(0).path("message").asText()).isEqualTo("Your roles do not allow " + operation);
            assertThat(result.isMissingNode() || result.isNull()).as(what).isTrue();
        }
    }

    // --- the calls ----------------------------------------------------------------------------------

    private JsonNode call(String user, String operation) {
        Map<String, Object> request = new LinkedHashMap<>();
        if (READS.containsKey(operation)) {
            request.put("query", READS.get(operation));
            request.put("variables", Map.of("id", richBet));
        } else {
            FieldDefinition mutation = operations().get(operation);
            InputValueDefinition input = mutation.getInputValueDefinitions().get(0);
            request.put("query", "mutation($input: " + AstPrinter.printAst(input.getType()) + ") { " + operation
                    + "(input: $input) { userErrors { code } } }");
            request.put("variables", Map.of("input", value(input.getName(), input.getType())));
        }
        return http().post().uri("/graphql").headers(headers -> headers.setBasicAuth(user, user))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /**
     * Subscribes over WebSocket and answers like a call: {"errors": [...]} when the subscription was refused, or
     * {"data": {operation: "subscribed"}} when it was still running after a query on the same socket had come back.
     */
    private JsonNode subscribe(String user, String operation) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + port + "/graphql-ws"),
                new ReactorNettyWebSocketClient()).interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))));
                    }
                }).build();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            Disposable subscription = client.document(SUBSCRIPTIONS.get(operation)).variable("id", richBet).executeSubscription()
                    .subscribe(event -> { }, failure::set);
            // a refusal comes back at once; a query answered on the same socket, and a moment, say none is coming
            client.document("{ viewer { id } }").execute().block(Duration.ofSeconds(30));
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
            subscription.dispose();
        } finally {
            client.stop().block(Duration.ofSeconds(10));
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        if (failure.get() == null) {
            response.putObject("data").put(operation, "subscribed");
        } else if (failure.get() instanceof SubscriptionErrorException refused) {
            ArrayNode errors = response.putArray("errors");
            refused.getErrors().forEach(error -> errors.addObject().put("message", error.getMessage())
                    .putObject("extensions").put("classification", String.valueOf(error.getErrorType())));
        } else {
            throw new AssertionError(operation + " by " + user + " failed", failure.get());
        }
        return response;
    }

    /** A valid value for an input of this type: every required field filled, ids that name nothing. */
    private static Object value(String name, Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return value(name, nonNull.getType());
        }
        if (type instanceof ListType list) {
            return List.of(value(name, list.getType()));
        }
        String typeName = ((TypeName) type).getName();
        return switch (typeName) {
            case "ID" -> {
                String idType = ID_TYPES.get(name);
                if (idType == null) {
                    throw new AssertionError("Which type does the ID field " + name + " name? Add it to ID_TYPES.");
                }
                yield Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((idType + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            }
            case "String" -> "Authorization matrix " + name;
            case "Int" -> 1;
            case "Float" -> 1.0;
            case "Boolean" -> true;
            case "Date" -> "2099-01-31";
            case "DateTime" -> "2099-01-31T00:00:00Z";
            default -> SCHEMA.getType(typeName, EnumTypeDefinition.class)
                    .<Object>map(enumType -> enumType.getEnumValueDefinitions().get(0).getName())
                    .orElseGet(() -> inputObject(SCHEMA.getType(typeName, InputObjectTypeDefinition.class).orElseThrow()));
        };
    }

    private static Map<String, Object> inputObject(InputObjectTypeDefinition type) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (InputValueDefinition field : type.getInputValueDefinitions()) {
            if (field.getType() instanceof NonNullType) {
                fields.put(field.getName(), value(field.getName(), field.getType()));
            }
        }
        return fields;
    }

    // --- the schema ---------------------------------------------------------------------------------

    /** Every root field of the schema as served (graphql-schema/ is on the classpath as graphql/). */
    private static Map<String, FieldDefinition> operations() {
        Map<String, FieldDefinition> operations = new TreeMap<>();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            operationsOf(root).forEach(field -> operations.put(field.getName(), field));
        }
        return operations;
    }

    private static List<FieldDefinition> operationsOf(String rootType) {
        Stream<ObjectTypeDefinition> definitions = Stream.concat(
                SCHEMA.getType(rootType, ObjectTypeDefinition.class).stream(),
                SCHEMA.objectTypeExtensions().getOrDefault(rootType, List.of()).stream());
        return definitions.flatMap(definition -> definition.getFieldDefinitions().stream()).toList();
    }

    private static TypeDefinitionRegistry schema() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
                try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    registry.merge(new SchemaParser().parse(reader));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return registry;
    }
}
