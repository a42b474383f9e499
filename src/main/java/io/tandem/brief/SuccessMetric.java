package io.tandem.brief;

/** How we will know the bet worked: a named measure, its unit, where it stands and where it should go. */
public record SuccessMetric(String name, String unit, Double baseline, Double target, String measurement) {
}
