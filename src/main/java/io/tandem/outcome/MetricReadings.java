package io.tandem.outcome;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.Stage;
import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.brief.SuccessMetric;
import io.tandem.security.CurrentUser;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readings of a bet's success metrics from analytics systems, while the bet is delivered, measured and reviewed. They
 * inform the outcome review and never sign anything: the verdict is still product's and engineering's.
 */
@Service
public class MetricReadings {

    static final Set<Stage> MEASURED = EnumSet.of(Stage.DELIVERY, Stage.MEASURING, Stage.OUTCOME_REVIEW);
    /** How far ahead of Tandem's clock a reading's time may be (the sender's clock may run fast). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final MetricReadingRepository readings;
    private final BetService bets;
    private final BriefService briefs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MetricReadings(MetricReadingRepository readings, BetService bets, BriefService briefs, ApplicationEventPublisher events,
                   Clock clock) {
        this.readings = readings;
        this.bets = bets;
        this.briefs = briefs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Appends a reading; the same {@code clientKey} for the same bet returns the reading stored the first time, so a
     * retried call stores it once.
     */
    @Transactional
    @PreAuthorize(Roles.RECORD_READINGS)
    public MetricReading record(UUID betId, String metric, Double value, Instant measuredAt, String source, String clientKey,
                                CurrentUser integration) {
        String key = Texts.required("clientKey", clientKey, 200);
        Bet bet = bets.get(betId, "betId");
        var earlier = readings.findByBetIdAndClientKey(betId, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!MEASURED.contains(bet.getStage())) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "Readings are recorded during delivery, measuring and"
                    + " the outcome review; the bet is in " + bet.getStage());
        }
        String name = Texts.required("metric", metric, 200);
        Set<String> metrics = briefs.latest(betId).map(BriefRevision::getContent)
                .map(c -> c.successMetrics().stream().map(SuccessMetric::name).collect(Collectors.toSet())).orElse(Set.of());
        if (!metrics.contains(name)) {
            throw RuleViolation.invalid("metric", "'" + name + "' is not a success metric of the brief; expected one of " + metrics);
        }
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw RuleViolation.invalid("value", "value must be a finite number");
        }
        Instant now = StoredTime.now(clock);
        Instant at = measuredAt == null ? now : StoredTime.truncate(measuredAt);
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw RuleViolation.invalid("at", "A reading is of a value already measured; " + at + " is in the future");
        }
        MetricReading reading = readings.saveAndFlush(new MetricReading(betId, name, value, at,
                Texts.required("source", source, 200), key, integration.id(), now));
        events.publishEvent(new MetricReadingRecorded(betId, reading.getId(), name, value, reading.getSource()));
        return reading;
    }

    /** The newest reading of each success metric of these bets. */
    @Transactional(readOnly = true)
    public Map<UUID, List<MetricReading>> latest(Collection<UUID> betIds) {
        if (betIds.isEmpty()) {
            return Map.of();
        }
        return readings.latest(betIds).stream().collect(Collectors.groupingBy(MetricReading::getBetId));
    }
}
