package io.tandem.graphql;

import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The bounds on what one GraphQL request may ask (GraphQlLimitsProperties), enforced before any data
 * fetcher runs. Spring Boot registers this bean as a graphql-java instrumentation. A request over a
 * bound gets a single error whose extensions.classification names the bound ({@link Exceeded}).
 */
@Component
public class GraphQlLimits extends SimplePerformantInstrumentation {

    /** The extensions.classification of a request refused for its size or shape. */
    public enum Exceeded implements ErrorClassification {
        QUERY_TOO_DEEP, QUERY_TOO_COMPLEX, TOO_MANY_ALIASES, TOO_MANY_ROOT_FIELDS, REQUEST_TOO_LARGE, SERVER_BUSY
    }

    /**
     * Nesting of grammar rules the parser follows. A selection level takes about three rules, so a query at
     * the depth limit needs well under a hundred; this stops pathological nesting such as [[[[...]]]] early.
     */
    private static final int MAX_RULE_DEPTH = 200;
    /** Runs of whitespace, commas and comments per grammar token: pretty-printed documents have about one. */
    private static final int WHITESPACE_TOKENS_PER_TOKEN = 4;

    private final GraphQlLimitsProperties limits;
    private final ParserOptions parserOptions;

    GraphQlLimits(GraphQlLimitsProperties limits) {
        this.limits = limits;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxCharacters((int) limits.maxRequestSize().toBytes())
                .maxTokens(limits.maxTokens())
                .maxWhitespaceTokens(limits.maxTokens() * WHITESPACE_TOKENS_PER_TOKEN)
                .maxRuleDepth(MAX_RULE_DEPTH));
    }

    /** Request bodies over the size limit are refused before they are read whole (HTTP 413). */
    @Bean
    static FilterRegistrationBean<RequestSizeLimit> graphQlRequestSizeLimit(GraphQlLimitsProperties limits) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(limits.maxRequestSize().toBytes()));
        registration.addUrlPatterns("/graphql", "/graphql/*");
        // Before Spring Security, so the size rule holds the same for every caller.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Queries beyond the limit wait their turn, or are refused (SERVER_BUSY) after the longest wait. */
    @Bean
    static QueryAdmission graphQlQueryAdmission(GraphQlLimitsProperties limits) {
        return new QueryAdmission(limits.concurrentQueries(), limits.maxQueueWait());
    }

    /** graphql-java takes a request's parser options from its context (ParseAndValidate.parse). */
    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        input.getGraphQLContext().put(ParserOptions.class, parserOptions);
        return input;
    }

    /** Aliases are counted before validation, whose cost grows with the number of fields sharing a level. */
    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        int aliases = countAliases(parameters.getDocument());
        if (aliases > limits.maxAliases()) {
            throw refuse(Exceeded.TOO_MANY_ALIASES, "The request has " + aliases + " aliased fields; at most "
                    + limits.maxAliases() + " are allowed");
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** Depth, cost and root fields of the operation about to run, with its variables applied. */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Measure measure = new Measure();
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getExecutionInput().getOperationName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPreOrder(measure);
        if (measure.rootFields.size() > limits.maxRootFields()) {
            throw refuse(Exceeded.TOO_MANY_ROOT_FIELDS, "The operation asks for " + measure.rootFields.size()
                    + " root fields; at most " + limits.maxRootFields() + " are allowed");
        }
        if (measure.depth > limits.maxDepth()) {
            throw refuse(Exceeded.QUERY_TOO_DEEP, "The query nests fields " + measure.depth + " deep; at most "
                    + limits.maxDepth() + " levels are allowed");
        }
        if (measure.complexity > limits.maxComplexity()) {
            throw refuse(Exceeded.QUERY_TOO_COMPLEX, "The query costs " + measure.complexity + "; at most "
                    + limits.maxComplexity() + " is allowed (each field costs 1, times the page size of every connection above it)");
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static int countAliases(Node<?> document) {
        int[] aliases = {0};
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                if (field.getAlias() != null) {
                    aliases[0]++;
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return aliases[0];
    }

    private static AbortExecutionException refuse(Exceeded limit, String message) {
        return new AbortExecutionException(List.of(GraphQLError.newError().errorType(limit).message(message).build()));
    }

    /** One pre-order walk over the operation's fields, fragments expanded. */
    private static final class Measure extends QueryVisitorStub {

        final Set<String> rootFields = new HashSet<>();
        int depth;
        long complexity;

        @Override
        public TraversalControl visitFieldWithControl(QueryVisitorFieldEnvironment field) {
            String name = field.getField().getName();
            if (name.equals("__schema") || name.equals("__type")) {
                // Schema introspection is bounded by graphql-java's good-faith checks and is off in production;
                // GraphiQL's own introspection query nests ofType deeper than any data query needs.
                return TraversalControl.ABORT;
            }
            int level = 1;
            long cost = 1;
            for (QueryVisitorFieldEnvironment above = field.getParentEnvironment(); above != null; above = above.getParentEnvironment()) {
                level++;
                cost = Math.min(cost * pageSize(above), Integer.MAX_VALUE);
            }
            if (level == 1) {
                rootFields.add(field.getField().getResultKey());
            }
            depth = Math.max(depth, level);
            complexity = Math.min(complexity + cost, Integer.MAX_VALUE);
            return TraversalControl.CONTINUE;
        }

        /**
         * How many items a field can return per item above it: a connection's page size (out-of-range values
         * are refused by the field itself, so they count as the nearest allowed one); 1 for anything else, since
         * the other lists hold a few records of one bet each.
         */
        private static long pageSize(QueryVisitorFieldEnvironment field) {
            if (!GraphQLTypeUtil.unwrapAll(field.getFieldDefinition().getType()).getName().endsWith("Connection")) {
                return 1;
            }
            Object first = field.getArguments().get("first");
            int size = first instanceof Integer requested ? requested : Connections.DEFAULT_PAGE;
            return Math.max(1, Math.min(size, Connections.MAX_PAGE));
        }
    }
}
