package io.tandem.bet;

import io.tandem.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The unit of work: a shared commitment to a result both product and engineering can name. */
@Entity
@Table(name = "bet")
public class Bet {

    @Id
    private UUID id;
    @Column(name = "key", nullable = false, updatable = false)
    private String key;
    private String title;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Enumerated(EnumType.STRING)
    private Uncertainty uncertainty;
    private String productLead;
    private String engineeringLead;
    private String team;
    private String spikeQuestion;
    private String spikeTimebox;
    private String spikeFindings;
    private String measurementPeriod;
    private LocalDate windowDate;
    private String scopeSummary;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    @Version
    private long version;

    protected Bet() {
    }

    Bet(UUID id, String key, String title, Uncertainty uncertainty, String productLead, String engineeringLead, String team,
        String spikeQuestion, String spikeTimebox, String measurementPeriod, String createdBy, Instant now) {
        this.id = id;
        this.key = key;
        this.title = title;
        this.stage = Stage.FRAMING;
        this.uncertainty = uncertainty;
        this.productLead = productLead;
        this.engineeringLead = engineeringLead;
        this.team = team;
        this.spikeQuestion = spikeQuestion;
        this.spikeTimebox = spikeTimebox;
        this.measurementPeriod = measurementPeriod;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public String getKey() { return key; }
    public String getTitle() { return title; }
    public Stage getStage() { return stage; }
    public Outcome getOutcome() { return outcome; }
    public Uncertainty getUncertainty() { return uncertainty; }
    public String getProductLead() { return productLead; }
    public String getEngineeringLead() { return engineeringLead; }

    /** The named lead who alone signs this side of the bet's gates; null when the side names none. */
    public String leadFor(Role side) {
        return leadFor(side, productLead, engineeringLead);
    }

    /** The one rule for a side's lead: product's lead for product, engineering's for engineering, none for other roles. */
    public static String leadFor(Role side, String productLead, String engineeringLead) {
        return switch (side) {
            case PRODUCT -> productLead;
            case ENGINEERING -> engineeringLead;
            default -> null;
        };
    }
    /** The team that owns the bet, for scorecards; optional. */
    public String getTeam() { return team; }
    public String getSpikeQuestion() { return spikeQuestion; }
    public String getSpikeTimebox() { return spikeTimebox; }
    public String getSpikeFindings() { return spikeFindings; }
    public String getMeasurementPeriod() { return measurementPeriod; }
    public LocalDate getWindowDate() { return windowDate; }
    public String getScopeSummary() { return scopeSummary; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getClosedAt() { return closedAt; }
    public long getVersion() { return version; }

    public boolean isClosed() {
        return stage == Stage.CLOSED;
    }

    void enter(Stage next, Instant now) {
        this.stage = next;
        this.updatedAt = now;
        if (next == Stage.CLOSED) {
            this.closedAt = now;
        }
    }

    void assess(Uncertainty uncertainty, String spikeQuestion, String spikeTimebox, Instant now) {
        this.uncertainty = uncertainty;
        this.spikeQuestion = spikeQuestion;
        this.spikeTimebox = spikeTimebox;
        this.updatedAt = now;
    }

    void recordFindings(String findings, Instant now) {
        this.spikeFindings = findings;
        this.updatedAt = now;
    }

    void commitTo(LocalDate window, String scope, Instant now) {
        this.windowDate = window;
        this.scopeSummary = scope;
        this.updatedAt = now;
    }

    void change(LocalDate window, String scope, Instant now) {
        if (window != null) {
            this.windowDate = window;
        }
        if (scope != null) {
            this.scopeSummary = scope;
        }
        this.updatedAt = now;
    }

    void edit(String title, String team, String spikeQuestion, String spikeTimebox, String measurementPeriod, Instant now) {
        this.title = title;
        this.team = team;
        this.spikeQuestion = spikeQuestion;
        this.spikeTimebox = spikeTimebox;
        this.measurementPeriod = measurementPeriod;
        this.updatedAt = now;
    }

    void lead(Role side, String userId, Instant now) {
        if (side == Role.PRODUCT) {
            this.productLead = userId;
        } else {
            this.engineeringLead = userId;
        }
        this.updatedAt = now;
    }

    void settle(Outcome outcome, Instant now) {
        this.outcome = outcome;
        this.updatedAt = now;
    }
}
