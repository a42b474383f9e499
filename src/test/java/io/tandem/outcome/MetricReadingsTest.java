package io.tandem.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Integrations with the integration-metrics scope (the demo user maya) append readings of a bet's success metrics:
 * once per client key, only while the bet is delivered, measured or reviewed, and never in place of a signature; the
 * outcome review shows the newest reading per metric, and recordOutcome can take their values.
 */
class MetricReadingsTest extends GraphQlTestBase {

    private static final String METRIC = "checkout conversion";

    @Test
    void aReadingIsStoredOncePerClientKeyAndTheNewestShowsInTheOutcomeReview() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        String key = "analytics-" + System.nanoTime();

        Payload first = driver.mutateOk("maya", "recordMetricReading", reading(bet, 2.4, "2026-01-01T00:00:00Z", key));
        Payload again = driver.mutateOk("maya", "recordMetricReading", reading(bet, 9.9, "2026-01-02T00:00:00Z", key));
        driver.mutateOk("maya", "recordMetricReading", reading(bet, 2.7, "2026-01-03T00:00:00Z", key + "-b"));

        assertThat(first.get("reading")).containsEntry("value", 2.4).containsEntry("recordedBy", "maya")
                .containsEntry("source", "Amplitude");
        assertThat(again.get("reading")).as("the same key: the first reading, unchanged").isEqualTo(first.get("reading"));
        assertThat(latest(bet)).singleElement().satisfies(r -> assertThat(r).containsEntry("metric", METRIC)
                .containsEntry("value", 2.7).containsEntry("at", "2026-01-03T00:00:00Z"));
        assertThat(driver.decisionKinds(bet)).doesNotContain("OUTCOME_VERDICT");
    }

    @Test
    void recordOutcomeTakesTheReadingsValuesWhenAsked() {
        String bet = driver.createBet("priya", "measurementPeriod", "PT1S");
        driver.commit(bet);
        driver.mutateOk("maya", "recordMetricReading", reading(bet, 3.4, Instant.now().toString(), "k-" + System.nanoTime()));
        driver.mutateOk("erin", "markDelivered", input("betId", bet));
        driver.mutateOk("priya", "confirmDelivery", input("betId", bet));
        await().atMost(Duration.ofSeconds(30)).until(() -> driver.stage(bet).equals("OUTCOME_REVIEW"));

        driver.mutateOk("priya", "recordOutcome", input("betId", bet, "actuals", List.of(), "useReadings", true,
                "whatWeLearned", "The analytics agree", "whatWeWouldDoDifferently", "Wire the readings earlier",
                "recommendation", "GRADUATE"));

        assertThat(as("lena").document("query($id: ID!) { bet(id: $id) { outcomeReport { actuals { metric actual } } } }")
                .variable("id", bet).execute().path("bet.outcomeReport.actuals").entityList(Map.class).get())
                .containsExactly(Map.of("metric", METRIC, "actual", 3.4));
    }

    @Test
    void refusesReadingsOutsideMeasurementOfUnknownMetricsAndInTheFutureAndChangesNothing() {
        String framing = driver.createBet("priya");
        driver.reviseBrief("priya", framing);
        assertThat(driver.mutate("maya", "recordMetricReading", reading(framing, 1.0, null, "a" + System.nanoTime()))
                .errorCodes()).containsExactly("WRONG_STAGE");
        String bet = driver.createBet("priya");
        driver.commit(bet);
        Map<String, Object> unknown = reading(bet, 1.0, null, "b" + System.nanoTime());
        unknown.put("metric", "revenue");
        assertThat(driver.mutate("maya", "recordMetricReading", unknown).errorCodes()).containsExactly("INVALID_INPUT");
        assertThat(driver.mutate("maya", "recordMetricReading",
                reading(bet, 1.0, Instant.now().plus(Duration.ofHours(1)).toString(), "c" + System.nanoTime())).errorCodes())
                .containsExactly("INVALID_INPUT");
        assertThat(driver.mutate("maya", "recordMetricReading", reading(bet, 1.0, null, " ")).errorCodes())
                .containsExactly("INVALID_INPUT");
        assertThat(latest(bet)).isEmpty();
        assertThat(latest(framing)).isEmpty();
    }

    @Test
    void anIntegrationWithoutTheScopeCannotRecordAndTheScopeSignsNothing() {
        String bet = driver.createBet("priya");
        driver.commit(bet);

        assertThat(as("ivan").documentName("recordMetricReading").variable("input", reading(bet, 1.0, null, "d" + System.nanoTime()))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"))));
        as("maya").document("mutation($input: SignGateInput!) { signGate(input: $input) { userErrors { code } } }")
                .variable("input", input("betId", bet, "gate", "DELIVERY")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        assertThat(latest(bet)).isEmpty();
    }

    private static Map<String, Object> reading(String bet, double value, String at, String key) {
        Map<String, Object> input = input("betId", bet, "metric", METRIC, "value", value, "source", "Amplitude", "clientKey", key);
        if (at != null) {
            input.put("at", at);
        }
        return input;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> latest(String bet) {
        return as("lena").document("query($id: ID!) { bet(id: $id) { latestMetricReadings { metric value at } } }")
                .variable("id", bet).execute().path("bet.latestMetricReadings").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }
}
