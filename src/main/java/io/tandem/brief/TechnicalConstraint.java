package io.tandem.brief;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/**
 * A limit engineering sees on how the bet can be done. Product must acknowledge it before the framing gate passes,
 * and a BLOCKING one before any later stage gate passes.
 */
@Entity
@Immutable
@Table(name = "technical_constraint")
public class TechnicalConstraint {

    public enum Severity { BLOCKING, SHAPING, INFORMATIONAL }

    @Id
    private UUID id;
    private UUID betId;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String authorId;
    private String authorName;
    private Instant createdAt;
    /**
     * Read with the row, so listing constraints needs no second query; a native query selects it as
     * {@code acknowledged}. Hibernate qualifies the bare {@code id} with this entity's alias.
     */
    @Formula("(exists (select 1 from constraint_acknowledgement ack where ack.constraint_id = id))")
    private boolean acknowledged;

    protected TechnicalConstraint() {
    }

    TechnicalConstraint(UUID betId, String title, String description, Severity severity, String authorId,
                        String authorName, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.title = title;
        this.description = description;
        this.severity = severity;
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Severity getSeverity() { return severity; }
    public String getAuthorId() { return authorId; }
    public String getAuthorName() { return authorName; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isAcknowledged() { return acknowledged; }
}
