package io.tandem.brief;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.shared.ClearingCache;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The {@code brief_revision.content} column: a revision's content as JSON, parsed once per distinct text.
 *
 * <p>A revision never changes (the database refuses UPDATE), and every page of bets reads the latest revision of
 * each of its bets again; parsing those columns was 2–6 % of the JVM's samples in profiles of the page benchmark
 * (BENCHMARKS.md). The parsed content is kept by the column's own text, so a hit can only be the content of that text,
 * and {@link BriefContent} is immutable all the way down, so one instance can serve every reader. At most
 * {@link #CAPACITY} are kept (ClearingCache).
 */
@Converter
class BriefContentColumn implements AttributeConverter<BriefContent, String> {

    static final int CAPACITY = 5_000;

    /** Built as Hibernate builds its own JSON mapper, which wrote the columns before this converter did. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final ClearingCache<String, BriefContent> parsed = new ClearingCache<>(CAPACITY);

    @Override
    public String convertToDatabaseColumn(BriefContent content) {
        if (content == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a brief's content could not be written as JSON", e);
        }
    }

    @Override
    public BriefContent convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        BriefContent content = parsed.get(json);
        if (content == null) {
            content = parse(json);
            parsed.put(json, content);
        }
        return content;
    }

    private static BriefContent parse(String json) {
        try {
            return JSON.readValue(json, BriefContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a brief's stored content is not valid JSON", e);
        }
    }
}
