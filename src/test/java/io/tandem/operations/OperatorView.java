package io.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an operator sees of broken workflows, the three ways Tandem shows them: GraphQL's workflowProblems (read by
 * leadership, as any reader may), the health component {@code betWorkflows} and the gauge {@code tandem_bets_workflow_broken}
 * on the management port. Other tests' bets share the database, so callers look for their own bets or compare counts.
 */
final class OperatorView {

    private final Function<String, ? extends GraphQlTester> as;
    private final WebTestClient management;

    OperatorView(Function<String, ? extends GraphQlTester> as, int managementPort) {
        this.as = as;
        // a scrape after many tests is larger than the client's default buffer
        this.management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    /** The bet's entry in workflowProblems, looked for on every page; empty when it is not reported. */
    Optional<Map<String, Object>> problemOf(String betId) {
        return everyBrokenWorkflow(100).stream()
                .filter(broken -> betId.equals(((Map<?, ?>) broken.get("bet")).get("id"))).findFirst();
    }

    /** Every entry of workflowProblems, following the cursors with pages of {@code size}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> everyBrokenWorkflow(int size) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> page = as.apply("lena").documentName("workflowProblems").variable("first", size)
                    .variable("after", after).execute().path("workflowProblems").entity(Map.class).get();
            ((List<Map<String, Object>>) page.get("edges")).forEach(edge -> all.add((Map<String, Object>) edge.get("node")));
            Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
            more = (Boolean) pageInfo.get("hasNextPage");
            after = (String) pageInfo.get("endCursor");
        }
        return all;
    }

    /** {@code /actuator/health/workflows}: the component with its counts. */
    JsonNode workflowsHealth() {
        return health("/actuator/health/workflows", 200).path("components").path("betWorkflows");
    }

    /** How many bets the health component counts with this problem (gone, stuck, suspended, incident) or in all (broken). */
    long healthCount(String detail) {
        JsonNode count = workflowsHealth().path("details").path(detail);
        assertThat(count.isNumber()).as("health detail " + detail + " in " + workflowsHealth()).isTrue();
        return count.asLong();
    }

    /** A health endpoint of the management port, which must answer with this HTTP status. */
    JsonNode health(String path, int httpStatus) {
        return management.get().uri(path).exchange().expectStatus().isEqualTo(httpStatus)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The value of {@code tandem_bets_workflow_broken{problem}} in a Prometheus scrape. */
    double gauge(String problem) {
        String scrape = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return scrape.lines().filter(line -> line.startsWith("tandem_bets_workflow_broken{") && line.contains("problem=\"" + problem + "\""))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no tandem_bets_workflow_broken{problem=\"" + problem + "\"} in the scrape"));
    }
}
