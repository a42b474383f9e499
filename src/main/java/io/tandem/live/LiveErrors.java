package io.tandem.live;

import graphql.GraphQLError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Errors of a subscription's stream (a refusal before it starts included: Spring for GraphQL reports a failing
 * subscription method through its publisher) become one classified GraphQL error, in the protocol's "error"
 * message, with no stack trace. Anything else stays Spring's generic "Subscription error".
 */
@Component
class LiveErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable error) {
        if (error instanceof LiveRefusal refusal) {
            return GraphQLError.newError().errorType(refusal.type()).message(refusal.getMessage()).build();
        }
        if (error instanceof AccessDeniedException) {
            return GraphQLError.newError().errorType(ErrorType.FORBIDDEN).message("Your roles do not allow this subscription").build();
        }
        if (error instanceof AuthenticationException) {
            return GraphQLError.newError().errorType(ErrorType.UNAUTHORIZED).message("Sign in first").build();
        }
        return null;
    }
}
