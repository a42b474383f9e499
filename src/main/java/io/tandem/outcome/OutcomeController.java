package io.tandem.outcome;

import io.tandem.bet.Bet;
import io.tandem.brief.BriefContent;
import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The outcome review: actuals against the baselines and targets the brief promised, and its non-goals again. */
@Controller
class OutcomeController {

    record OutcomeReportView(List<MetricAttainment> actuals, String whatWeLearned, String whatWeWouldDoDifferently,
                             Recommendation recommendation, List<String> nonGoals, String recordedBy, Instant recordedAt) {
    }

    record RecordMetricReadingInput(String betId, String metric, Double value, Instant at, String source, String clientKey) {
    }

    record RecordMetricReadingPayload(MetricReading reading, List<UserErrorView> userErrors) {
    }

    private final OutcomeService outcomes;
    private final BriefService briefs;
    private final MetricReadings readings;
    private final CurrentUsers users;

    OutcomeController(OutcomeService outcomes, BriefService briefs, MetricReadings readings, CurrentUsers users) {
        this.outcomes = outcomes;
        this.briefs = briefs;
        this.readings = readings;
        this.users = users;
    }

    @MutationMapping
    RecordMetricReadingPayload recordMetricReading(@Argument RecordMetricReadingInput input) {
        return Mutations.run(() -> new RecordMetricReadingPayload(readings.record(GlobalId.require("Bet", input.betId(),
                "betId"), input.metric(), input.value(), input.at(), input.source(), input.clientKey(), users.current()),
                List.of()), errors -> new RecordMetricReadingPayload(null, errors));
    }

    /** The newest reading of each success metric, beside what product records at the outcome review. */
    @BatchMapping(typeName = "Bet")
    Map<Bet, List<MetricReading>> latestMetricReadings(List<Bet> page) {
        Map<UUID, List<MetricReading>> latest = readings.latest(page.stream().map(Bet::getId).toList());
        return page.stream().collect(Collectors.toMap(Function.identity(), b -> latest.getOrDefault(b.getId(), List.of()),
                (a, b) -> a));
    }

    @SchemaMapping(typeName = "MetricReading", field = "at")
    Instant at(MetricReading reading) {
        return reading.getMeasuredAt();
    }

    /** Batched: a page of bets costs two statements, not two per bet. */
    @BatchMapping(typeName = "Bet")
    Map<Bet, OutcomeReportView> outcomeReport(List<Bet> page) {
        Map<UUID, OutcomeReport> reports = outcomes.latest(page.stream().map(Bet::getId).toList());
        if (reports.isEmpty()) {
            return Map.of();
        }
        Map<UUID, BriefRevision> latestBriefs = briefs.latest(reports.keySet());
        return page.stream().filter(b -> reports.containsKey(b.getId())).collect(Collectors.toMap(Function.identity(), b -> {
            OutcomeReport report = reports.get(b.getId());
            BriefRevision brief = latestBriefs.get(b.getId());
            BriefContent content = brief == null ? null : brief.getContent();
            return new OutcomeReportView(MetricAttainment.of(report.getActuals(), content), report.getWhatWeLearned(),
                    report.getWhatWeWouldDoDifferently(), report.getRecommendation(),
                    content == null ? List.of() : content.nonGoals(), report.getRecordedBy(), report.getRecordedAt());
        }));
    }
}
