package io.tandem.outcome;

import io.tandem.brief.BriefRevision;
import io.tandem.brief.BriefService;
import io.tandem.brief.SuccessMetric;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Outcome reports: actual values per success metric of the brief, learnings and a recommendation. */
@Service
public class OutcomeService {

    private final OutcomeReportRepository reports;
    private final BriefService briefs;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final MetricReadings readings;

    OutcomeService(OutcomeReportRepository reports, BriefService briefs, Clock clock, ApplicationEventPublisher events,
                   MetricReadings readings) {
        this.readings = readings;
        this.events = events;
        this.reports = reports;
        this.briefs = briefs;
        this.clock = clock;
    }

    /** Called by the lifecycle while the bet is claimed and waiting for its outcome. */
    @Transactional
    public OutcomeReport record(UUID betId, OutcomeDraft draft, String recordedBy) {
        Set<String> metrics = briefs.latest(betId).map(BriefRevision::getContent)
                .map(c -> c.successMetrics().stream().map(SuccessMetric::name).collect(Collectors.toSet()))
                .orElse(Set.of());
        List<MetricActual> given = draft.actuals() == null ? List.of() : draft.actuals();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            MetricActual actual = given.get(i);
            if (!metrics.contains(actual.metric())) {
                throw RuleViolation.invalid("actuals[" + i + "].metric",
                        "'" + actual.metric() + "' is not a success metric of the brief; expected one of " + metrics);
            }
            if (!seen.add(actual.metric())) {
                throw RuleViolation.invalid("actuals[" + i + "].metric", "'" + actual.metric() + "' is given twice");
            }
            if (Double.isNaN(actual.actual()) || Double.isInfinite(actual.actual())) {
                throw RuleViolation.invalid("actuals[" + i + "].actual", "actual must be a finite number");
            }
        }
        if (draft.useReadings()) {
            List<MetricActual> withReadings = new ArrayList<>(given);
            readings.latest(List.of(betId)).getOrDefault(betId, List.of()).stream()
                    .filter(reading -> metrics.contains(reading.getMetric()) && seen.add(reading.getMetric()))
                    .forEach(reading -> withReadings.add(new MetricActual(reading.getMetric(), reading.getValue())));
            given = withReadings;
        }
        if (!seen.containsAll(metrics)) {
            Set<String> missing = new HashSet<>(metrics);
            missing.removeAll(seen);
            throw RuleViolation.invalid("actuals", "Record an actual value for every success metric; missing " + missing);
        }
        String learned = Texts.required("whatWeLearned", draft.whatWeLearned(), Texts.LONG_TEXT_MAX);
        String differently = Texts.required("whatWeWouldDoDifferently", draft.whatWeWouldDoDifferently(), Texts.LONG_TEXT_MAX);
        if (draft.recommendation() == null) {
            throw RuleViolation.invalid("recommendation", "Recommend what happens next: GRADUATE, ITERATE or STOP");
        }
        OutcomeReport report = reports.save(new OutcomeReport(betId, given, learned, differently, draft.recommendation(),
                recordedBy, StoredTime.now(clock)));
        events.publishEvent(new OutcomeRecorded(betId, report.getId(), report.getRecommendation()));
        return report;
    }

    @Transactional(readOnly = true)
    public Optional<OutcomeReport> latest(UUID betId) {
        return reports.findFirstByBetIdOrderByRecordedAtDesc(betId);
    }

    /** The latest report of each bet that has one. */
    @Transactional(readOnly = true)
    public Map<UUID, OutcomeReport> latest(Collection<UUID> betIds) {
        if (betIds.isEmpty()) {
            return Map.of();
        }
        return reports.findLatestByBetIds(betIds).stream()
                .collect(Collectors.toMap(OutcomeReport::getBetId, Function.identity(), (a, b) -> a));
    }
}
