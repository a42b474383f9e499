package io.tandem.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent.
 *
 * @param allowPrivateUrls whether an endpoint may be http, or resolve to a loopback or private address (tests, on-premise
 *                         receivers); off, only https to public addresses is accepted and sent to
 * @param firstRetryAfter  the wait before the first retry; each later one waits twice as long as the one before
 * @param longestWait      the longest wait between two attempts
 * @param attempts         how many attempts a delivery gets before it is parked
 * @param timeout          how long one attempt may take
 * @param batch            how many due deliveries one round sends
 */
@ConfigurationProperties("tandem.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateUrls, @DefaultValue("10s") Duration firstRetryAfter,
                         @DefaultValue("1h") Duration longestWait, @DefaultValue("10") int attempts,
                         @DefaultValue("10s") Duration timeout, @DefaultValue("20") int batch) {

    /** The wait after attempt {@code attempt} (1 for the first) failed. */
    Duration waitAfter(int attempt) {
        Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
