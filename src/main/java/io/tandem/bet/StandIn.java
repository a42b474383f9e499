package io.tandem.bet;

import io.tandem.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone of a side's role who signs that side for its lead from {@code startsAt} until {@code endsAt}, unless revoked. */
@Entity
@Table(name = "stand_in")
public class StandIn {

    @Id
    private UUID id;
    private UUID betId;
    @Enumerated(EnumType.STRING)
    private Role side;
    private String lead;
    @Column(name = "stand_in")
    private String standIn;
    private Instant startsAt;
    private Instant endsAt;
    private Instant revokedAt;
    private Instant namedAt;
    private Instant offeredAt;
    private Instant withdrawnAt;

    protected StandIn() {
    }

    StandIn(UUID betId, Role side, String lead, String standIn, Instant startsAt, Instant endsAt, Instant namedAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.side = side;
        this.lead = lead;
        this.standIn = standIn;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.namedAt = namedAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public Role getSide() { return side; }
    public String getLead() { return lead; }
    /** The user id of the person standing in. */
    public String getStandIn() { return standIn; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public Instant getOfferedAt() { return offeredAt; }
    public Instant getWithdrawnAt() { return withdrawnAt; }

    /** Whether they may sign at this instant: inside the period and not revoked. */
    public boolean activeAt(Instant at) {
        return revokedAt == null && !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    /** Whether the period is over, by its end or a revocation. */
    public boolean endedAt(Instant at) {
        return revokedAt != null || !at.isBefore(endsAt);
    }

    void revoke(Instant at) {
        this.revokedAt = at;
    }

    void offered(Instant at) {
        this.offeredAt = at;
    }

    void withdrawn(Instant at) {
        this.withdrawnAt = at;
    }
}
