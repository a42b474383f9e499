package io.tandem.graphql.tuning;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import java.util.List;

/**
 * The instrumentations (GraphQlLimits, Spring Boot's request observation) hear of each request, its parsing,
 * validation and operation, but not of each object and field. graphql-java's chain of instrumentations calls every
 * member on every field and allocates while doing so, even when no member does anything per field: 7 % of the
 * JVM's samples while serving pages of bets (BENCHMARKS.md, "Tuning"). This also leaves out Spring Boot's
 * observation of each data fetcher, which a page of 50 bets would have hundreds of; {@code graphql_request_seconds}
 * is still recorded. An instrumentation added later that needs per-field hooks will not get them here.
 */
final class RequestLevelInstrumentation extends ChainedInstrumentation {

    RequestLevelInstrumentation(List<Instrumentation> instrumentations) {
        super(instrumentations);
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                  InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return null;
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                  InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                               InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
        return null;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return dataFetcher;
    }
}
