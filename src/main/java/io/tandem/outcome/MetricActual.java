package io.tandem.outcome;

/** The value a success metric actually reached, named as in the brief. */
public record MetricActual(String metric, double actual) {
}
