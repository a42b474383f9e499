package io.tandem.graphql;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Top-level errors for a missing role or missing credentials: classified, short, no stack traces. Anything
 * not handled here (or by BadRequests) becomes Spring's generic INTERNAL_ERROR, which carries no detail either.
 * A resolver for the whole schema rather than a @GraphQlExceptionHandler for the same reason as BadRequests:
 * a refused connection field such as bets would otherwise come back with two NullValueInNonNullableField
 * errors next to the FORBIDDEN one.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable error, DataFetchingEnvironment env) {
        if (error instanceof AccessDeniedException) {
            return error(ErrorType.FORBIDDEN, "Your roles do not allow " + env.getField().getName(), env);
        }
        if (error instanceof AuthenticationException) {
            return error(ErrorType.UNAUTHORIZED, "Sign in first", env);
        }
        return null;
    }

    private static GraphQLError error(ErrorType type, String message, DataFetchingEnvironment env) {
        return GraphQLError.newError().errorType(type).message(message)
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation()).build();
    }
}
