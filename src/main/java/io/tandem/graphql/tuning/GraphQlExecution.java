package io.tandem.graphql.tuning;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.execution.instrumentation.Instrumentation;
import io.tandem.graphql.QueryAdmission;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How graphql-java runs a request here: instrumentations at request level only (RequestLevelInstrumentation), data
 * loaders dispatched when the engine is idle (ExhaustedDataLoaderDispatch), each query in its turn (QueryAdmission)
 * and in one read-only transaction (ReadOnlyQueryExecution), batch fields without Spring's context decorator
 * (BatchFieldFetchers). The chain of instrumentations and the exception handler take the same beans, in the same
 * order, that Spring Boot hands to the default ones they replace (the chain adds ExhaustedDataLoaderDispatch last).
 * Results go out over HTTP through GraphQlJsonHttpHandler, in place of Spring Boot's handler.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlExecution {

    @Bean
    static GraphQlSourceBuilderCustomizer graphQlExecutionCustomizer(ObjectProvider<Instrumentation> instrumentations,
                                                                     ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers,
                                                                     ObjectProvider<PlatformTransactionManager> transactions,
                                                                     ObjectProvider<QueryAdmission> admission) {
        return builder -> builder.typeVisitors(List.of(new BatchFieldFetchers())).configureGraphQl(graphQl -> graphQl
                .instrumentation(new RequestLevelInstrumentation(Stream.concat(instrumentations.orderedStream(),
                        Stream.of(new ExhaustedDataLoaderDispatch())).toList()))
                .queryExecutionStrategy(new ReadOnlyQueryExecution(
                        DataFetcherExceptionResolver.createExceptionHandler(exceptionResolvers.orderedStream().toList()),
                        transactions.getObject(), admission.getObject())));
    }

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler graphQlHandler, ObjectMapper mapper) {
        return new GraphQlJsonHttpHandler(graphQlHandler, mapper);
    }
}
