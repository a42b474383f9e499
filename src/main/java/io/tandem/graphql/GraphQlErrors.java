package io.tandem.graphql;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Top-level errors: classified, short, no stack traces. Anything not handled here (or by BadRequests)
 * becomes Spring's generic INTERNAL_ERROR, which carries no detail either.
 */
@ControllerAdvice
class GraphQlErrors {

    @GraphQlExceptionHandler
    GraphQLError forbidden(AccessDeniedException e, DataFetchingEnvironment env) {
        return GraphQLError.newError().errorType(ErrorType.FORBIDDEN)
                .message("Your roles do not allow " + env.getField().getName())
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation()).build();
    }

    @GraphQlExceptionHandler
    GraphQLError unauthorized(AuthenticationException e, DataFetchingEnvironment env) {
        return GraphQLError.newError().errorType(ErrorType.UNAUTHORIZED).message("Sign in first")
                .path(env.getExecutionStepInfo().getPath()).location(env.getField().getSourceLocation()).build();
    }
}
