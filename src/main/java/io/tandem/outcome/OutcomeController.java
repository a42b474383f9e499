package io.tandem.outcome;

import io.tandem.bet.Bet;
import io.tandem.brief.BriefContent;
import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The outcome review: actuals against the baselines and targets the brief promised, and its non-goals again. */
@Controller
class OutcomeController {

    record OutcomeReportView(List<MetricAttainment> actuals, String whatWeLearned, String whatWeWouldDoDifferently,
                             Recommendation recommendation, List<String> nonGoals, String recordedBy, Instant recordedAt) {
    }

    private final OutcomeService outcomes;
    private final BriefService briefs;

    OutcomeController(OutcomeService outcomes, BriefService briefs) {
        this.outcomes = outcomes;
        this.briefs = briefs;
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
