package io.tandem.outcome;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What product measured after the measurement period, and what the team learned. */
@Entity
@Immutable
@Table(name = "outcome_report")
public class OutcomeReport {

    @Id
    private UUID id;
    private UUID betId;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<MetricActual> actuals;
    private String learnings;
    private String recordedBy;
    private Instant recordedAt;

    protected OutcomeReport() {
    }

    OutcomeReport(UUID betId, List<MetricActual> actuals, String learnings, String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.actuals = List.copyOf(actuals);
        this.learnings = learnings;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public List<MetricActual> getActuals() { return actuals; }
    public String getLearnings() { return learnings; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
