package io.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.GraphQlTestBase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operations endpoints as Kubernetes and Prometheus reach them: on the management port, without
 * credentials, and Tandem's own metrics moving when people sign gates. The shared test context runs on a
 * random port; Spring Boot then puts the management server on a random port of its own as well
 * (management.server.port differs from server.port), which {@code @LocalManagementPort} reads.
 */
class MetricsTest extends GraphQlTestBase {

    @LocalManagementPort
    int managementPort;

    @Test
    void probesAnswerWithoutCredentialsOnTheManagementPortOnly() {
        management().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        management().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();

        assertThat(managementPort).isNotEqualTo(port);
        http().get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        http().get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }

    @Test
    void readinessIncludesTheDatabaseAndLivenessDoesNot() {
        // a database outage must take a replica out of the Service, never make Kubernetes restart it
        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP");
        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.livenessState.status").isEqualTo("UP")
                .jsonPath("$.components.db").doesNotExist()
                .jsonPath("$.components.length()").isEqualTo(1);
    }

    @Test
    void gatesPassedAndRefusedSignOffWaitsAndOpenTasksAreCounted() {
        Metrics before = scrape();

        String passed = driver.createBet("priya");
        driver.passFraming(passed);

        String refused = driver.createBet("priya");
        driver.completeFramingWork(refused);
        assertThat(driver.sign("priya", refused, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("erin", refused, "FRAMING", "answer", "REQUEST_CHANGES", "reason", "Sharper metric").ok()).isTrue();
        // a sign-off the rules refuse writes nothing and counts nothing
        String waiting = driver.createBet("priya");
        driver.completeFramingWork(waiting);
        assertThat(driver.sign("priya", waiting, "FRAMING").ok()).isTrue();
        assertThat(driver.sign("priya", waiting, "FRAMING").ok()).isFalse();
        String kept = driver.createBet("priya");
        driver.mutateOk("priya", "proposeVoid", input("betId", kept, "reason", "Looks like a duplicate"));
        assertThat(driver.sign("erin", kept, "VOID", "answer", "REQUEST_CHANGES", "reason", "It is a different bet").ok()).isTrue();

        Metrics after = scrape();
        assertThat(after.delta(before, "tandem_gates_total", "gate", "FRAMING", "result", "passed")).isEqualTo(1);
        assertThat(after.delta(before, "tandem_gates_total", "gate", "FRAMING", "result", "refused")).isEqualTo(1);
        assertThat(after.delta(before, "tandem_gates_total", "gate", "COMMITMENT", "result", "passed")).isZero();
        assertThat(after.delta(before, "tandem_gates_total", "gate", "VOID", "result", "refused")).as("a void turned down").isEqualTo(1);
        assertThat(after.delta(before, "tandem_gates_total", "gate", "VOID", "result", "passed")).isZero();
        // priya signed three times, erin twice (one approval, one refusal); the rejected second try of priya is not there
        assertThat(after.delta(before, "tandem_signoff_wait_seconds_count", "gate", "FRAMING", "side", "product")).isEqualTo(3);
        assertThat(after.delta(before, "tandem_signoff_wait_seconds_count", "gate", "FRAMING", "side", "engineering")).isEqualTo(2);
        assertThat(after.value("tandem_signoff_wait_seconds_sum", "gate", "FRAMING", "side", "product")).isPositive();
        // the engine's numbers are there (other tests' timers may come and go, so only their presence is checked)
        assertThat(after.value("tandem_engine_jobs", "state", "executable")).isNotNegative();
        assertThat(after.value("tandem_engine_jobs", "state", "failed")).isNotNegative();
        assertThat(after.value("tandem_engine_incidents")).isNotNegative();
        // the queries' admission queue: empty between requests (only its presence is checked for refusals)
        assertThat(after.value("tandem_graphql_queries_waiting")).isZero();
        assertThat(after.value("tandem_graphql_queries_refused_total")).isNotNegative();

        // the waiting bet has one open framing task (engineering); a fourth bet at its framing gate adds two
        double openFraming = scrapeFresh().value("tandem_tasks_open", "gate", "FRAMING");
        String fresh = driver.createBet("priya");
        driver.completeFramingWork(fresh);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> scrape().value("tandem_tasks_open", "gate", "FRAMING") == openFraming + 2);
        driver.passFraming(driver.createBet("priya"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> scrape().value("tandem_tasks_open", "gate", "FRAMING") == openFraming + 2);
    }

    @Test
    void graphQlRequestsAreTimedButNotEachField() {
        String bet = driver.createBet("priya");
        readBet(bet);
        Metrics before = scrape();
        readBet(bet);

        Metrics after = scrape();
        assertThat(after.delta(before, "graphql_request_seconds_count", "graphql_outcome", "SUCCESS")).isPositive();
        // per-field timers cost every request CPU (BENCHMARKS.md, "Tuning"), so none is kept
        assertThat(after.samples()).doesNotContainKeys("graphql_datafetcher_seconds_count", "graphql_datafetcher_active_seconds_count");
    }

    private void readBet(String bet) {
        as("priya").document("query($id: ID!) { bet(id: $id) { id title brief { revision } } }")
                .variable("id", bet).execute().path("bet.id").entity(String.class).isEqualTo(bet);
    }

    /** A scrape after the gauges' one-second snapshot has certainly expired. */
    private Metrics scrapeFresh() {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return scrape();
    }

    private Metrics scrape() {
        String body = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return Metrics.parse(body);
    }

    private WebTestClient management() {
        // a scrape after the whole suite has run is larger than the client's default 256 KiB buffer
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    /** The Prometheus text format, just enough of it: one sample per line, {@code name{label="value",...} number}. */
    record Metrics(Map<String, Map<Map<String, String>, Double>> samples) {

        static Metrics parse(String text) {
            Map<String, Map<Map<String, String>, Double>> samples = new HashMap<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                String name = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
                Map<String, String> labels = new HashMap<>();
                if (brace >= 0) {
                    String inside = line.substring(brace + 1, line.lastIndexOf('}'));
                    for (String pair : inside.split(",")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip().replace("\"", ""));
                        }
                    }
                }
                samples.computeIfAbsent(name, n -> new HashMap<>()).put(labels, Double.parseDouble(line.substring(space + 1)));
            }
            return new Metrics(samples);
        }

        /** The sum of the samples of {@code name} whose labels include the given ones; fails if there is none. */
        double value(String name, String... labelPairs) {
            Map<Map<String, String>, Double> series = samples.getOrDefault(name, Map.of());
            double sum = 0;
            boolean found = false;
            for (Map.Entry<Map<String, String>, Double> sample : series.entrySet()) {
                boolean matches = true;
                for (int i = 0; i < labelPairs.length; i += 2) {
                    matches &= labelPairs[i + 1].equals(sample.getKey().get(labelPairs[i]));
                }
                if (matches) {
                    sum += sample.getValue();
                    found = true;
                }
            }
            assertThat(found).as("a sample of " + name + " with labels " + String.join(",", labelPairs)).isTrue();
            return sum;
        }

        double delta(Metrics before, String name, String... labelPairs) {
            return value(name, labelPairs) - before.value(name, labelPairs);
        }
    }
}
