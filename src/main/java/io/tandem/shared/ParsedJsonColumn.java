package io.tandem.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import java.util.function.UnaryOperator;

/**
 * A JSON column of rows that never change, parsed once per distinct text. Every page of bets reads the latest brief
 * revision and the latest decision of each of its bets again, and parsing their JSON columns was several per cent of
 * the JVM's samples in profiles of the page benchmark (BENCHMARKS.md). The parsed value is kept by the column's own
 * text, so a hit can only be the value of that text; it must be immutable all the way down ({@code freeze} makes it
 * so), because one instance serves every reader. At most {@link #CAPACITY} values are kept per column (ClearingCache).
 */
public abstract class ParsedJsonColumn<T> implements AttributeConverter<T, String> {

    /** Built as Hibernate builds its own JSON mapper, which wrote the columns before these converters did. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public static final int CAPACITY = 5_000;

    private final JavaType type;
    private final UnaryOperator<T> freeze;
    private final ClearingCache<String, T> parsed;

    protected ParsedJsonColumn(TypeReference<T> type, UnaryOperator<T> freeze) {
        this.type = JSON.getTypeFactory().constructType(type);
        this.freeze = freeze;
        this.parsed = new ClearingCache<>(CAPACITY);
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + type.toCanonical() + " could not be written as JSON", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        T value = parsed.get(json);
        if (value == null) {
            value = parse(json);
            parsed.put(json, value);
        }
        return value;
    }

    private T parse(String json) {
        try {
            return freeze.apply(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.toCanonical() + " is not valid JSON", e);
        }
    }
}
