package io.tandem.metrics;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Every GraphQL request is observed ({@code graphql_request_seconds}, by operation and outcome), but not every
 * field. Spring Boot's default also wraps each non-trivial data fetcher in an observation of its own: a page of
 * 50 bets has hundreds (each bet's id, cursor, brief, latest decision...), and in a warm server they cost about
 * 5 % of a page's throughput (BENCHMARKS.md, "Tuning"). Replaces Spring Boot's instrumentation bean of the same
 * name, which backs off when one exists.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlRequestObservations {

    @Bean
    GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry) {
        return new GraphQlObservationInstrumentation(registry) {
            @Override
            public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                        InstrumentationState state) {
                return dataFetcher;
            }
        };
    }
}
