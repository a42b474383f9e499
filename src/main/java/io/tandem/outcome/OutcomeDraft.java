package io.tandem.outcome;

import java.util.List;

/** What product states at the outcome review: actuals per success metric, learnings and a recommendation. */
public record OutcomeDraft(List<MetricActual> actuals, String whatWeLearned, String whatWeWouldDoDifferently,
                           Recommendation recommendation) {
}
