package io.tandem.graphql.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.dataloader.ExhaustedDataLoaderDispatchStrategy;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.tandem.support.GraphQlTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Tandem's GraphQL runs with graphql-java's exhausted data-loader dispatch. The switch is a context key graphql-java
 * marks internal, so this checks what it does in the graphql-java on the classpath: the strategy that runs, and that
 * a list's nested fields still load in one batch.
 */
class ExhaustedDataLoaderDispatchTest extends GraphQlTestBase {

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void tandemsChainOfInstrumentationsIncludesIt() {
        RequestLevelInstrumentation chain = (RequestLevelInstrumentation) graphQlSource.graphQl().getInstrumentation();
        assertThat(chain.getInstrumentations()).hasAtLeastOneElementOfType(ExhaustedDataLoaderDispatch.class);
    }

    @Test
    void anOperationRunsWithTheExhaustedStrategyAndLoadsAListsFieldsInOneBatch() {
        List<List<String>> batches = new ArrayList<>();
        DataLoader<String, String> names = DataLoaderFactory.newDataLoader(keys -> {
            batches.add(List.copyOf(keys));
            return CompletableFuture.completedFuture(keys.stream().map(key -> "name of " + key).toList());
        });
        AtomicReference<ExecutionContext> operation = new AtomicReference<>();
        GraphQL graphQl = GraphQL.newGraphQL(schema())
                .instrumentation(new RequestLevelInstrumentation(List.of(new ExhaustedDataLoaderDispatch(), operationIn(operation))))
                .build();

        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput("{ items { name } }")
                .dataLoaderRegistry(DataLoaderRegistry.newRegistry().register("names", names).build()));

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData()).isEqualTo(Map.of("items",
                List.of(Map.of("name", "name of a"), Map.of("name", "name of b"), Map.of("name", "name of c"))));
        assertThat(operation.get().getDataLoaderDispatcherStrategy()).isInstanceOf(ExhaustedDataLoaderDispatchStrategy.class);
        assertThat(batches).containsExactly(List.of("a", "b", "c"));
    }

    private static GraphQLSchema schema() {
        DataFetcher<CompletableFuture<String>> name = env -> env.<String, String>getDataLoader("names").load(env.getSource());
        return new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { items: [Item] } type Item { name: String }"),
                RuntimeWiring.newRuntimeWiring()
                        .type("Query", type -> type.dataFetcher("items", env -> List.of("a", "b", "c")))
                        .type("Item", type -> type.dataFetcher("name", name))
                        .build());
    }

    /** Records the execution context of the operation it sees (its dispatch strategy is chosen after this hook). */
    private static Instrumentation operationIn(AtomicReference<ExecutionContext> operation) {
        return new Instrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                operation.set(parameters.getExecutionContext());
                return null;
            }
        };
    }
}
