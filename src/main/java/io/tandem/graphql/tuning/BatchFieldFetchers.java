package io.tandem.graphql.tuning;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

/**
 * Serves every {@code @BatchMapping} field with a fetcher that hands its source to the field's data loader, as
 * Spring's does, but marked trivial so that Spring does not wrap it in its context-propagating decorator. The
 * decorator captures and restores the request's context around each call and turns the loader's future into a
 * Mono and back, once per field and bet (four times per bet on a page), though the fetcher itself only queues a key:
 * the loading happens later, in the batch loader, which Spring runs in the request's context anyway.
 * Registered as a type visitor, which Spring runs before it decorates the remaining fetchers. Measured: 1.06x the
 * pages/s of the page of 50 bets in two sets of alternating JVMs (BENCHMARKS.md, Tuning).
 */
final class BatchFieldFetchers extends GraphQLTypeVisitorStub {

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                        TraverserContext<GraphQLSchemaElement> context) {
        GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
        FieldCoordinates coordinates = FieldCoordinates.coordinates((GraphQLFieldsContainer) context.getParentNode(), field);
        if (registry.getDataFetcher(coordinates, field) instanceof SelfDescribingDataFetcher<?> mapped
                && mapped.usesDataLoader() && mapped.getDescription().startsWith("@BatchMapping")) {
            // Spring names a @BatchMapping field's data loader after the field's coordinates
            registry.dataFetcher(coordinates, new BatchField(coordinates.toString()));
        }
        return TraversalControl.CONTINUE;
    }

    private record BatchField(String loader) implements TrivialDataFetcher<CompletableFuture<Object>> {

        @Override
        public CompletableFuture<Object> get(DataFetchingEnvironment env) {
            DataLoader<Object, Object> dataLoader = env.getDataLoader(loader);
            if (dataLoader == null) {
                throw new IllegalStateException("No data loader named " + loader);
            }
            Object keyContext = env.getLocalContext();
            return keyContext == null ? dataLoader.load(env.getSource()) : dataLoader.load(env.getSource(), keyContext);
        }
    }
}
