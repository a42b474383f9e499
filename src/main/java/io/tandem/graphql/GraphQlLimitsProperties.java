package io.tandem.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much one GraphQL request may ask of the server (tandem.graphql.*, see docs/api.md, "Limits"). Each limit is
 * checked before any data is read, and a request over it gets one classified error.
 *
 * @param maxDepth       how deeply fields may nest ({@code { viewer { id } }} is 2 deep)
 * @param maxComplexity  what an operation may cost: every field costs 1, times the page size of each
 *                       connection above it (so {@code bets(first: 50) { nodes { id } }} costs 101)
 * @param maxAliases     how many aliased fields a request document may hold
 * @param maxRootFields  how many root fields (distinct response keys) one operation may ask for
 * @param maxTokens      how many grammar tokens the parser reads before giving up
 * @param maxRequestSize the largest HTTP request body accepted on /graphql; also caps the document's characters
 * @param maxConcurrentQueries how many queries run at once (the others wait in arrival order); 0 means two per
 *                       core the JVM sees. Mutations and subscriptions are not counted
 * @param maxQueueWait   how long a query may wait for its turn before it is refused (SERVER_BUSY)
 */
@ConfigurationProperties("tandem.graphql")
public record GraphQlLimitsProperties(int maxDepth, int maxComplexity, int maxAliases, int maxRootFields, int maxTokens,
                                      DataSize maxRequestSize, int maxConcurrentQueries, Duration maxQueueWait) {

    /** The limit in force: the configured one, or two per core when it is 0. */
    public int concurrentQueries() {
        return maxConcurrentQueries > 0 ? maxConcurrentQueries : QueryAdmission.defaultLimit();
    }
}
