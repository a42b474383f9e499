package io.tandem.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A node's {@code id} field: the global id of the node's uuid. A light fetcher, so graphql-java builds no fetching
 * environment for it and Spring does not wrap it in its context decorator: a page of 50 bets asks for 50 ids, and
 * as controller methods each of them went through Spring's decorator and argument resolution. The page served
 * 1.05 times the pages/s with this fetcher, above the controller method in 11 of 12 interleaved blocks
 * (BENCHMARKS.md, "Tuning").
 */
record NodeIdField<T>(String typeName, Class<T> javaType, Function<T, UUID> uuid) implements LightDataFetcher<String> {

    @Override
    public String get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> env) {
        return GlobalId.of(typeName, uuid.apply(javaType.cast(source)));
    }

    @Override
    public String get(DataFetchingEnvironment env) {
        return get(env.getFieldDefinition(), env.getSource(), () -> env);
    }
}
