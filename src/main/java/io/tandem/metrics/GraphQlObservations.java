package io.tandem.metrics;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * GraphQL observations: every request is timed ({@code graphql.request}, with its outcome), but by default not
 * every field. Spring Boot's default also wraps each non-trivial data fetcher in an observation of its own
 * ({@code graphql.datafetcher}): a page of 50 bets has hundreds of them (each bet's id, brief, latest decision,
 * constraints, open tasks...), all on the request's CPU (BENCHMARKS.md, "Tuning"). An operator chasing a slow
 * field turns them back on with {@code TANDEM_GRAPHQL_OBSERVE_FIELDS=true}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlObservations {

    @Bean
    FieldObservations graphQlObservationInstrumentation(ObservationRegistry registry,
                                                        @Value("${tandem.graphql.observe-fields}") boolean observeFields) {
        return new FieldObservations(registry, observeFields);
    }

    /** Spring's instrumentation, with the per-field part behind a switch (the benchmark flips it to compare). */
    static final class FieldObservations extends GraphQlObservationInstrumentation {

        private volatile boolean observeFields;

        FieldObservations(ObservationRegistry registry, boolean observeFields) {
            super(registry);
            this.observeFields = observeFields;
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                    InstrumentationState state) {
            return observeFields ? super.instrumentDataFetcher(dataFetcher, parameters, state) : dataFetcher;
        }
    }
}
