package io.tandem.graphql;

import graphql.schema.DataFetcher;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A module's answer to node(id) for one of its types, and, for most types, how a node's id is made. */
public interface NodeResolver {

    /** The GraphQL type name, which is also the prefix of the global id. */
    String typeName();

    /** The Java class whose instances are of that GraphQL type. */
    Class<?> javaType();

    Optional<?> find(UUID id);

    /** The fetcher of the type's {@code id} field; empty when the Java object carries its global id itself. */
    Optional<DataFetcher<String>> idField();

    /** A type whose Java objects carry their global id as their own {@code id} property. */
    static NodeResolver of(String typeName, Class<?> javaType, Function<UUID, Optional<?>> lookup) {
        return new Resolver(typeName, javaType, lookup, Optional.empty());
    }

    /** A type whose {@code id} field is the global id of each object's uuid (NodeIdField). */
    static <T> NodeResolver of(String typeName, Class<T> javaType, Function<T, UUID> uuid,
                               Function<UUID, Optional<?>> lookup) {
        return new Resolver(typeName, javaType, lookup, Optional.of(new NodeIdField<>(typeName, javaType, uuid)));
    }

    record Resolver(String typeName, Class<?> javaType, Function<UUID, Optional<?>> lookup,
                    Optional<DataFetcher<String>> idField) implements NodeResolver {

        @Override
        public Optional<?> find(UUID id) {
            return lookup.apply(id);
        }
    }
}
