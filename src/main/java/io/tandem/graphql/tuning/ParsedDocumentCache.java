package io.tandem.graphql.tuning;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.tandem.shared.ClearingCache;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Keeps parsed and validated documents, keyed by their text. Clients send the same few documents over and over, and
 * parsing plus validating the page of 50 bets took a fifth of the request threads' CPU in a profile (BENCHMARKS.md).
 *
 * <p>Only documents that parsed and validated without errors are kept, at most
 * {@code tandem.graphql.parsed-document-cache} of them (0 turns the cache off); when it is full it is emptied and
 * starts again (ClearingCache). Every limit still holds for a cached document: the parser limits and
 * the alias count are properties of its text, checked when it was first parsed, and depth, cost and root fields are
 * checked on every request with its own variables (GraphQlLimits).
 */
@Component
class ParsedDocumentCache implements PreparsedDocumentProvider {

    /** Longer documents are parsed every time rather than kept. */
    static final int MAX_CACHED_LENGTH = 10_000;

    private final int capacity;
    private final ClearingCache<String, PreparsedDocumentEntry> entries;

    ParsedDocumentCache(@Value("${tandem.graphql.parsed-document-cache}") int capacity) {
        this.capacity = capacity;
        this.entries = new ClearingCache<>(capacity);
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
