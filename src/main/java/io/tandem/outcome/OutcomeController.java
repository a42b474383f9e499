package io.tandem.outcome;

import io.tandem.bet.Bet;
import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.brief.SuccessMetric;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The outcome review: actuals against the baselines and targets the brief promised. */
@Controller
class OutcomeController {

    record MetricAttainment(String metric, double actual, Double baseline, Double target, Boolean metTarget) {
    }

    record OutcomeReportView(List<MetricAttainment> actuals, String learnings, String recordedBy, Instant recordedAt) {
    }

    private final OutcomeService outcomes;
    private final BriefService briefs;

    OutcomeController(OutcomeService outcomes, BriefService briefs) {
        this.outcomes = outcomes;
        this.briefs = briefs;
    }

    @SchemaMapping(typeName = "Bet")
    OutcomeReportView outcomeReport(Bet bet) {
        return outcomes.latest(bet.getId()).map(report -> {
            Map<String, SuccessMetric> metrics = briefs.latest(bet.getId()).map(BriefRevision::getContent)
                    .map(c -> c.successMetrics().stream().collect(Collectors.toMap(SuccessMetric::name, Function.identity())))
                    .orElse(Map.of());
            List<MetricAttainment> attainment = report.getActuals().stream().map(a -> {
                SuccessMetric m = metrics.get(a.metric());
                Double baseline = m == null ? null : m.baseline();
                Double target = m == null ? null : m.target();
                return new MetricAttainment(a.metric(), a.actual(), baseline, target, met(a.actual(), baseline, target));
            }).toList();
            return new OutcomeReportView(attainment, report.getLearnings(), report.getRecordedBy(), report.getRecordedAt());
        }).orElse(null);
    }

    /** Met when the actual got to the target, going the way the target lies from the baseline. */
    static Boolean met(double actual, Double baseline, Double target) {
        if (target == null) {
            return null;
        }
        boolean downward = baseline != null && target < baseline;
        return downward ? actual <= target : actual >= target;
    }
}
