package io.tandem.stewardship;

import io.tandem.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reassignment of a side's lead asked by one of its two people, waiting for the other. */
@Entity
@Table(name = "lead_reassignment")
public class LeadReassignment {

    /** In which capacity someone takes part in a reassignment: the two must differ. */
    public enum Capacity { OTHER_SIDE_LEAD, ADMIN }

    @Id
    private UUID id;
    private UUID betId;
    @Enumerated(EnumType.STRING)
    private Role side;
    @Column(name = "to_user")
    private String to;
    private String askedBy;
    private String askedByName;
    @Enumerated(EnumType.STRING)
    private Capacity askedAs;
    private String reason;
    private Instant askedAt;

    protected LeadReassignment() {
    }

    LeadReassignment(UUID betId, Role side, String to, String askedBy, String askedByName, Capacity askedAs, String reason,
                     Instant askedAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.side = side;
        this.to = to;
        this.askedBy = askedBy;
        this.askedByName = askedByName;
        this.askedAs = askedAs;
        this.reason = reason;
        this.askedAt = askedAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public Role getSide() { return side; }
    public String getTo() { return to; }
    public String getAskedBy() { return askedBy; }
    public String getAskedByName() { return askedByName; }
    public Capacity getAskedAs() { return askedAs; }
    public String getReason() { return reason; }
    public Instant getAskedAt() { return askedAt; }
}
