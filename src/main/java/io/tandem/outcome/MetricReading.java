package io.tandem.outcome;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A value of one of a bet's success metrics, measured by an analytics system and sent by an integration. Append-only. */
@Entity
@Immutable
@Table(name = "metric_reading")
public class MetricReading {

    @Id
    private UUID id;
    private UUID betId;
    private String metric;
    private double value;
    private Instant measuredAt;
    private String source;
    private String clientKey;
    private String recordedBy;
    private Instant recordedAt;

    protected MetricReading() {
    }

    MetricReading(UUID betId, String metric, double value, Instant measuredAt, String source, String clientKey,
                  String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.metric = metric;
        this.value = value;
        this.measuredAt = measuredAt;
        this.source = source;
        this.clientKey = clientKey;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public String getMetric() { return metric; }
    public double getValue() { return value; }
    public Instant getMeasuredAt() { return measuredAt; }
    public String getSource() { return source; }
    public String getClientKey() { return clientKey; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
