package io.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.GraphQlOverHttp;
import io.tandem.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Tandem replicas against one PostgreSQL, as separate JVMs started from the test classpath: what one
 * acknowledges the other reads, a batch of due timers fires exactly once in total, and a replica killed
 * with SIGKILL while timers are due loses nothing acknowledged: the other one runs every pending job, those
 * the dead one had locked included once their lock (5 s here) has expired.
 *
 * The replicas get a database of their own on the test PostgreSQL server, so the engine of this test JVM
 * (if another test started one) never takes their jobs: only A and B cooperate, through the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 10;
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> measured = new ArrayList<>();
    private String dbUrl;
    private Instance a;
    private Instance b;

    record Instance(String name, Process process, int port, int managementPort, Path log) {
    }

    @BeforeAll
    void startTwoReplicas() throws Exception {
        createClusterDatabase();
        // One after the other: the first creates the schema (Flyway: Tandem's tables and the engine's); two replicas
        // of a new version rolling out do the same, as Kubernetes starts pods before the old ones stop.
        a = start("clusterA", 100, 500);
        awaitReady(a);
        // B polls for jobs more slowly than A, so that A is usually the one holding due timers when it is killed
        b = start("clusterB", 1000, 2000);
        awaitReady(b);
    }

    @AfterAll
    void stopReplicas() {
        for (Instance instance : Arrays.asList(a, b)) {
            if (instance != null && instance.process().isAlive()) {
                instance.process().destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void aBetCreatedOnOneReplicaIsReadOnTheOther() {
        String bet = createBet(a, "Seen on both replicas");
        JsonNode read = query(b, "lena", "query($id: ID!) { bet(id: $id) { title stage waitingOn { step } } }", Map.of("id", bet))
                .path("bet");
        assertThat(read.path("title").asText()).isEqualTo("Seen on both replicas");
        assertThat(read.path("stage").asText()).isEqualTo("FRAMING");
        assertThat(read.path("waitingOn").findValuesAsText("step")).containsExactlyInAnyOrder("task_write_brief", "task_map_constraints");
    }

    @Test
    @Order(2)
    void dueTimersFireExactlyOnceAcrossReplicas() throws SQLException {
        List<String> bets = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            // every step on the other replica than the one before: each reads what the other just wrote
            bets.add(driveToMeasuring(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, "Batch one #" + i));
        }
        measured.addAll(bets);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> bets.stream().allMatch(bet -> stage(b, bet).equals("OUTCOME_REVIEW")));
        assertFiredOnce(measured);
    }

    @Test
    @Order(3)
    void aReplicaKilledWhileTimersAreDueLeavesNothingStuck() throws Exception {
        List<String> bets = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            bets.add(driveToDelivered(a, a, "Batch two #" + i));
        }
        // all ten measurement periods start together, so their timers come due together
        for (String bet : bets) {
            mutateOk(a, "priya", "confirmDelivery", Map.of("betId", bet));
        }
        measured.addAll(bets);
        // kill A as soon as a job executor holds a due timer (or when they are all due, at the latest)
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        int locked = 0;
        while (System.nanoTime() < deadline && (locked = lockedJobs()) == 0) {
            Thread.sleep(10);
        }
        a.process().destroyForcibly();
        assertThat(a.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        System.out.println("Killed replica A with " + locked + " job(s) locked");

        // B alone: every bet of both batches reaches the outcome review, each exactly once, nothing acknowledged lost
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> bets.stream().allMatch(bet -> stage(b, bet).equals("OUTCOME_REVIEW")));
        for (String bet : measured) {
            JsonNode state = state(b, bet);
            assertThat(state.path("stage").asText()).as(bet).isEqualTo("OUTCOME_REVIEW");
            assertThat(state.path("waitingOn").findValuesAsText("step")).as(bet).containsExactly("task_record_outcome");
            assertThat(state.path("decisions").path("nodes").findValuesAsText("kind")).as(bet)
                    .containsExactly("FRAMING_APPROVED", "COMMITMENT", "DELIVERY_ACCEPTED");
            assertThat(state.path("brief").path("revision").asInt()).as(bet).isEqualTo(1);
            assertThat(state.path("options").size()).as(bet).isEqualTo(2);
        }
        assertFiredOnce(measured);
        assertThat(count("select count(*) from act_ru_job")).as("jobs left behind").isZero();
        assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
    }

    // ---- exactly once, from the engine's own history ----

    private void assertFiredOnce(List<String> bets) throws SQLException {
        // one measurement timer passed and one outcome task created per process instance, never two
        assertThat(groupCounts("select proc_inst_id_, count(*) from act_hi_actinst where act_id_ = 'timer_measurement_period' "
                + "and end_time_ is not null group by proc_inst_id_")).hasSize(bets.size()).allMatch(n -> n == 1);
        assertThat(groupCounts("select proc_inst_id_, count(*) from act_hi_taskinst where task_def_key_ = 'task_record_outcome' "
                + "group by proc_inst_id_")).hasSize(bets.size()).allMatch(n -> n == 1);
        // and the decision log of each bet has each entry once
        assertThat(groupCounts("select bet_id, count(*) from decision group by bet_id, kind having count(*) > 1")).isEmpty();
    }

    private List<Long> groupCounts(String sql) throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.add(rows.getLong(2));
            }
        }
        return counts;
    }

    private int lockedJobs() throws SQLException {
        return (int) count("select count(*) from act_ru_job where lock_owner_ is not null");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    // ---- driving bets over HTTP, like BetDriver does in-process ----

    private String createBet(Instance on, String title) {
        return mutateOk(on, "priya", "createBet", Map.of("title", title, "uncertainty", "LOW", "measurementPeriod", "PT2S"))
                .path("bet").path("id").asText();
    }

    /** Framing and commitment passed, engineering marked it delivered; steps alternate between the two replicas. */
    private String driveToDelivered(Instance one, Instance other, String title) {
        String bet = createBet(one, title);
        mutateOk(other, "priya", "reviseBrief", map("betId", bet, "problem", "Checkout abandons at the payment step",
                "customerSegment", "Small online shops", "whyThisBet", "Payment drop-off costs more than any other leak",
                "successMetrics", List.of(map("name", "checkout conversion", "unit", "%", "baseline", 2.0, "target", 3.0))));
        mutateOk(one, "priya", "submitBrief", Map.of("betId", bet));
        mutateOk(other, "erin", "submitConstraints", Map.of("betId", bet));
        mutateOk(one, "priya", "signGate", Map.of("betId", bet, "gate", "FRAMING"));
        mutateOk(other, "erin", "signGate", Map.of("betId", bet, "gate", "FRAMING"));
        mutateOk(one, "erin", "proposeOptions", map("betId", bet, "options", List.of(
                map("label", "Thin slice", "scopeSummary", "One payment method", "window", LocalDate.now().plusMonths(1).toString(),
                        "gains", "Ships in four weeks", "givesUp", "Wallets wait"),
                map("label", "Full depth", "scopeSummary", "All payment methods", "window", LocalDate.now().plusMonths(3).toString(),
                        "gains", "Every customer", "givesUp", "Two more months"))));
        String option = state(other, bet).path("options").get(0).path("id").asText();
        mutateOk(one, "priya", "signGate", Map.of("betId", bet, "gate", "COMMITMENT", "optionId", option));
        mutateOk(other, "erin", "signGate", Map.of("betId", bet, "gate", "COMMITMENT", "optionId", option));
        mutateOk(one, "erin", "markDelivered", Map.of("betId", bet));
        return bet;
    }

    private String driveToMeasuring(Instance one, Instance other, String title) {
        String bet = driveToDelivered(one, other, title);
        assertThat(mutateOk(other, "priya", "confirmDelivery", Map.of("betId", bet)).path("bet").path("stage").asText())
                .isEqualTo("MEASURING");
        return bet;
    }

    private String stage(Instance on, String bet) {
        return state(on, bet).path("stage").asText();
    }

    private JsonNode state(Instance on, String bet) {
        return query(on, "lena", "query($id: ID!) { bet(id: $id) { stage brief { revision } options { id } waitingOn { step } "
                + "decisions(first: 100) { nodes { kind } } } }", Map.of("id", bet)).path("bet");
    }

    /** Runs graphql-test/{operation}.graphql (the documents the in-process tests use) and checks it had no userErrors. */
    private JsonNode mutateOk(Instance on, String user, String operation, Map<String, Object> input) {
        JsonNode payload = query(on, user, document(operation), Map.of("input", input)).path(operation);
        assertThat(payload.path("userErrors").size()).as(operation + " by " + user + " on " + on.name() + ": " + payload).isZero();
        return payload;
    }

    private JsonNode query(Instance on, String user, String document, Map<String, Object> variables) {
        HttpResponse<String> response = GraphQlOverHttp.post(on.port(), user, GraphQlOverHttp.request(document, variables));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            JsonNode json = JSON.readTree(response.body());
            assertThat(json.path("errors").size()).as(response.body()).isZero();
            return json.path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String document(String operation) {
        try (InputStream in = TwoInstancesTest.class.getResourceAsStream("/graphql-test/" + operation + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the replicas ----

    private Instance start(String name, int waitMillis, int maxWaitMillis) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        Path log = Files.createTempFile("tandem-" + name + "-", ".log");
        // the application's classes and dependencies, without the test classes (whose test configurations a
        // plain run would otherwise pick up by component scanning)
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "io.tandem.TandemApplication",
                "--spring.datasource.url=" + dbUrl, "--spring.datasource.username=" + TestDatabase.RUNTIME,
                "--spring.datasource.password=" + TestDatabase.RUNTIME_PASSWORD,
                "--tandem.database.migration-user=" + TestDatabase.OWNER,
                "--tandem.database.migration-password=" + TestDatabase.OWNER_PASSWORD,
                "--server.port=" + port, "--management.server.port=" + managementPort,
                // The engine ignores engine names with '-'; each JVM has its own engine anyway
                "--operaton.bpm.process-engine-name=" + name,
                "--operaton.bpm.job-execution.lock-time-in-millis=5000",
                "--operaton.bpm.job-execution.wait-time-in-millis=" + waitMillis,
                "--operaton.bpm.job-execution.max-wait=" + maxWaitMillis,
                "--spring.graphql.graphiql.enabled=false");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        System.out.println("Started replica " + name + " (pid " + process.pid() + ", port " + port + ", management " + managementPort
                + "), log: " + log);
        return new Instance(name, process, port, managementPort, log);
    }

    private void awaitReady(Instance instance) {
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!instance.process().isAlive()) {
                throw new IllegalStateException("Replica " + instance.name() + " exited with " + instance.process().exitValue()
                        + "; see " + instance.log());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.managementPort()
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            }
        });
    }

    /** A database of its own, with the two users of a deployment: the replicas migrate as its owner and serve as the runtime user. */
    private void createClusterDatabase() {
        dbUrl = TestDatabase.createFresh();
    }

    private Connection connect() throws SQLException {
        return TestDatabase.runtimeDataSource(dbUrl).getConnection();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
