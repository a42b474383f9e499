package io.tandem.brief;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** Product's acknowledgement of a constraint, optionally with a response; given once per constraint and kept. */
@Entity
@Immutable
@Table(name = "constraint_acknowledgement")
public class ConstraintAcknowledgement {

    @Id
    private UUID id;
    private UUID constraintId;
    private UUID betId;
    private String acknowledgedBy;
    private String acknowledgedByName;
    private String response;
    private Instant createdAt;

    protected ConstraintAcknowledgement() {
    }

    ConstraintAcknowledgement(UUID constraintId, UUID betId, String acknowledgedBy, String acknowledgedByName,
                              String response, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.constraintId = constraintId;
        this.betId = betId;
        this.acknowledgedBy = acknowledgedBy;
        this.acknowledgedByName = acknowledgedByName;
        this.response = response;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getConstraintId() { return constraintId; }
    public UUID getBetId() { return betId; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public String getAcknowledgedByName() { return acknowledgedByName; }
    public String getResponse() { return response; }
    public Instant getCreatedAt() { return createdAt; }
}
