package io.tandem.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Keeps parsed and validated documents, keyed by their text: clients send the same few documents over and over, and
 * parsing plus validating one costs more than many of the data fetchers it runs (BENCHMARKS.md). Only documents that
 * parsed and validated without errors are kept, at most {@code tandem.graphql.parsed-document-cache} of them (least
 * recently used leave first; 0 turns the cache off). What a cached document would have been refused for is a
 * property of its text, so every limit still holds: the parser limits and the alias count were checked when it was
 * first parsed, and depth, cost and root fields are checked on every request, with its variables (GraphQlLimits).
 */
@Component
class ParsedDocumentCache implements PreparsedDocumentProvider {

    /** Longer documents are parsed every time rather than kept. */
    private static final int MAX_CACHED_LENGTH = 10_000;

    private final int capacity;
    private final Map<String, PreparsedDocumentEntry> entries;

    ParsedDocumentCache(@Value("${tandem.graphql.parsed-document-cache:500}") int capacity) {
        this.capacity = capacity;
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > ParsedDocumentCache.this.capacity;
            }
        });
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (capacity <= 0 || query.length() > MAX_CACHED_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry cached = entries.get(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            entries.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    @Bean
    static GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer(ParsedDocumentCache cache) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }
}
