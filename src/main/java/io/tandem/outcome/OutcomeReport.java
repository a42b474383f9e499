package io.tandem.outcome;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What product measured after the measurement period, what the team learned and what it recommends. */
@Entity
@Immutable
@Table(name = "outcome_report")
public class OutcomeReport {

    @Id
    private UUID id;
    private UUID betId;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<MetricActual> actuals;
    private String whatWeLearned;
    private String whatWeWouldDoDifferently;
    @Enumerated(EnumType.STRING)
    private Recommendation recommendation;
    private String recordedBy;
    private Instant recordedAt;

    protected OutcomeReport() {
    }

    OutcomeReport(UUID betId, List<MetricActual> actuals, String whatWeLearned, String whatWeWouldDoDifferently,
                  Recommendation recommendation, String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.actuals = List.copyOf(actuals);
        this.whatWeLearned = whatWeLearned;
        this.whatWeWouldDoDifferently = whatWeWouldDoDifferently;
        this.recommendation = recommendation;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public List<MetricActual> getActuals() { return actuals; }
    public String getWhatWeLearned() { return whatWeLearned; }
    /** Null only on reports recorded before the review asked for it. */
    public String getWhatWeWouldDoDifferently() { return whatWeWouldDoDifferently; }
    /** Null only on reports recorded before the review asked for it. */
    public Recommendation getRecommendation() { return recommendation; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }

    /** The review in words, for the verdict's decision-log entry: both sides sign what it says. */
    public String summary() {
        return "Actuals: " + actuals.stream().map(a -> a.metric() + " = " + a.actual()).collect(Collectors.joining(", "))
                + ". What we learned: " + whatWeLearned
                + ". What we would do differently: " + whatWeWouldDoDifferently
                + ". Recommendation: " + recommendation + ".";
    }
}
