package io.tandem.graphql;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * A request argument outside what the API accepts becomes one BAD_REQUEST error. This is a resolver
 * for the whole schema rather than a @GraphQlExceptionHandler on purpose: a handler resolves the error
 * inside the controller method, and Spring's connection support then replaces the missing
 * {@code BetConnection!} with an empty connection whose totalCount and nodes are null, so the client got
 * two NullValueInNonNullableField errors next to the real one. Resolved here, after the field's data
 * fetcher, graphql-java nulls the field and reports only this error.
 */
@Component
class BadRequests extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable error, DataFetchingEnvironment env) {
        if (!(error instanceof Connections.InvalidArgument)) {
            return null;
        }
        return GraphQLError.newError().errorType(ErrorType.BAD_REQUEST).message(error.getMessage())
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation()).build();
    }
}
