package io.tandem.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** DateTime (an instant, ISO-8601 in UTC) and Date (ISO-8601 calendar date). */
@Configuration(proxyBeanMethods = false)
class Scalars {

    @Bean
    RuntimeWiringConfigurer dateScalars() {
        return wiring -> wiring
                .scalar(scalar("DateTime", Instant.class, text -> OffsetDateTime.parse(text).toInstant()))
                .scalar(scalar("Date", LocalDate.class, LocalDate::parse));
    }

    private static <T> GraphQLScalarType scalar(String name, Class<T> type, Function<String, T> parser) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value) || value instanceof String) {
                    return value.toString();
                }
                throw new CoercingSerializeException("Not a " + name + ": " + value.getClass().getSimpleName());
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return parser.apply(String.valueOf(input));
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException("Not an ISO-8601 " + name + ": '" + input + "'");
                }
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (!(input instanceof StringValue string)) {
                    throw new CoercingParseLiteralException(name + " is written as a string");
                }
                try {
                    return parser.apply(string.getValue());
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException("Not an ISO-8601 " + name + ": '" + string.getValue() + "'");
                }
            }
        }).build();
    }
}
