package io.tandem.outcome;

import io.tandem.brief.BriefContent;
import io.tandem.brief.SuccessMetric;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One success metric's actual value against the baseline and target the brief promised. */
record MetricAttainment(String metric, double actual, Double baseline, Double target, Boolean metTarget) {

    /** Each actual of a report against the brief's metric of the same name. */
    static List<MetricAttainment> of(List<MetricActual> actuals, BriefContent brief) {
        Map<String, SuccessMetric> metrics = brief == null ? Map.of() : brief.successMetrics().stream()
                .collect(Collectors.toMap(SuccessMetric::name, Function.identity()));
        return actuals.stream().map(a -> {
            SuccessMetric m = metrics.get(a.metric());
            Double baseline = m == null ? null : m.baseline();
            Double target = m == null ? null : m.target();
            return new MetricAttainment(a.metric(), a.actual(), baseline, target, met(a.actual(), baseline, target));
        }).toList();
    }

    /** Met when the actual got to the target, going the way the target lies from the baseline; unknown without a target. */
    static Boolean met(double actual, Double baseline, Double target) {
        if (target == null) {
            return null;
        }
        boolean downward = baseline != null && target < baseline;
        return downward ? actual <= target : actual >= target;
    }
}
