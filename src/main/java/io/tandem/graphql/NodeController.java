package io.tandem.graphql;

import graphql.schema.TypeResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ClassNameTypeResolver;
import org.springframework.stereotype.Controller;

/**
 * node(id), answered by the module that owns the id's type; and the {@code id} field of every node type whose
 * resolver makes its ids (NodeIdField).
 */
@Controller
class NodeController {

    private final Map<String, NodeResolver> resolvers;

    NodeController(List<NodeResolver> resolvers) {
        this.resolvers = resolvers.stream().collect(Collectors.toMap(NodeResolver::typeName, Function.identity()));
    }

    @QueryMapping
    Object node(@Argument String id) {
        return GlobalId.parse(id)
                .flatMap(parsed -> Optional.ofNullable(resolvers.get(parsed.type()))
                        .flatMap(resolver -> resolver.find(parsed.id())))
                .orElse(null);
    }

    /** Maps Java classes to the GraphQL object types of the Node interface, and serves their {@code id} fields. */
    @Bean
    static GraphQlSourceBuilderCustomizer nodeTypes(List<NodeResolver> resolvers) {
        ClassNameTypeResolver typeResolver = new ClassNameTypeResolver();
        resolvers.forEach(r -> typeResolver.addMapping(r.javaType(), r.typeName()));
        return builder -> builder.defaultTypeResolver((TypeResolver) typeResolver).configureRuntimeWiring(wiring ->
                resolvers.forEach(r -> r.idField().ifPresent(id -> wiring.type(r.typeName(), type -> type.dataFetcher("id", id)))));
    }
}
