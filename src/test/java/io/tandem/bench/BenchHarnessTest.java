package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The benchmark harness works: the generator fills real workflow state through the services, a read scenario
 * produces figures, and the report is written. Not a timed test: it asserts what was measured, never how fast.
 */
class BenchHarnessTest extends GraphQlTestBase {

    @Autowired
    private ApplicationContext context;

    @Test
    void generatesBetsOverEveryStageAndReportsReadFiguresWithAPageCostThatDoesNotGrowWithItsSize(@TempDir Path out) throws Exception {
        DataGenerator generator = new DataGenerator(context);
        DataGenerator.Growth growth = generator.growBy(100, 2, Duration.ofSeconds(60));
        assertThat(growth.created()).isEqualTo(100);
        assertThat(growth.failures()).isZero();
        assertThat(generator.stages()).containsKeys("FRAMING", "SPIKE", "COMMITMENT", "DELIVERY", "MEASURING",
                "OUTCOME_REVIEW", "WON", "LOST", "KILLED");

        ReadScenarios reads = new ReadScenarios(new GraphQlHttp(port), "lena", "priya");
        List<UUID> withDecisions = generator.sampleBets(20, true);
        BenchReport report = new BenchReport();
        report.growth.add(growth);
        report.reads.put(growth.to(), List.of(
                reads.betPage(2, Duration.ZERO, Duration.ofSeconds(1)),
                reads.decisionLog(2, Duration.ZERO, Duration.ofSeconds(1), withDecisions)));
        Map<String, Long> statements = reads.statementsPerRequest(withDecisions, reads.hasMyTasks(), 10, 50);
        report.statements.put(growth.to(), statements);
        report.write(out);

        LoadRunner.Measured page = report.read(growth.to(), BenchReport.PAGE);
        assertThat(page.requests()).isPositive();
        assertThat(page.errors()).isZero();
        assertThat(page.p50()).isPositive();
        assertThat(page.p99()).isGreaterThanOrEqualTo(page.p50());
        assertThat(report.read(growth.to(), BenchReport.LOG).requests()).isPositive();
        assertThat(statements.get("bets(first: 10)")).isPositive().isEqualTo(statements.get("bets(first: 50)"));
        assertThat(statements.get("bets(first: 50, after: cursor)")).isEqualTo(statements.get("bets(first: 50)"));
        assertThat(Files.readString(out.resolve("report.md"))).contains("read: page of 50 bets", "bets(first: 50)");
        assertThat(Files.readString(out.resolve("latency-vs-size.svg"))).startsWith("<svg").contains("polyline");
    }

    @Test
    void theEngineBaselinesRunWholeLifecyclesAndCountTheirStatements() {
        LifecycleScenarios lifecycles = new LifecycleScenarios(context, new GraphQlHttp(port));

        Map<String, Long> engineSteps = lifecycles.engineStatementsPerStep();
        assertThat(engineSteps).hasSize(LifecycleScenarios.STEPS).allSatisfy((step, count) -> assertThat(count).as(step).isPositive());

        // the listener-free copy of the process: whole lifecycles, none refused (it once still called Tandem's beans)
        LoadRunner.Measured floor = lifecycles.engineOnly(1, Duration.ZERO, Duration.ofSeconds(3));
        assertThat(floor.errors()).as(String.valueOf(floor.firstError())).isZero();
        assertThat(floor.units()).isPositive();
    }
}
