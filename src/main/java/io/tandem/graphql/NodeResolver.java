package io.tandem.graphql;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A module's answer to node(id) for one of its types. */
public interface NodeResolver {

    /** The GraphQL type name, which is also the prefix of the global id. */
    String typeName();

    /** The Java class whose instances are of that GraphQL type. */
    Class<?> javaType();

    Optional<?> find(UUID id);

    static NodeResolver of(String typeName, Class<?> javaType, Function<UUID, Optional<?>> lookup) {
        return new NodeResolver() {
            @Override
            public String typeName() {
                return typeName;
            }

            @Override
            public Class<?> javaType() {
                return javaType;
            }

            @Override
            public Optional<?> find(UUID id) {
                return lookup.apply(id);
            }
        };
    }
}
