package io.tandem.outcome;

import java.util.List;

/**
 * What product states at the outcome review: actuals per success metric, learnings and a recommendation. With
 * {@code useReadings}, a success metric without an actual takes its latest reading's value.
 */
public record OutcomeDraft(List<MetricActual> actuals, String whatWeLearned, String whatWeWouldDoDifferently,
                           Recommendation recommendation, boolean useReadings) {

    public OutcomeDraft(List<MetricActual> actuals, String whatWeLearned, String whatWeWouldDoDifferently,
                        Recommendation recommendation) {
        this(actuals, whatWeLearned, whatWeWouldDoDifferently, recommendation, false);
    }
}
