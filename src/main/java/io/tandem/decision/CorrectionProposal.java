package io.tandem.decision;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A correction of an entry both sides signed, as its proposer wrote it: the entry it supersedes, what was wrong and
 * what is right instead, and who proposed it for which side. It waits at the CORRECTION gate; the entry is superseded
 * only when the other side signs it there (then a CORRECTION entry records it, signed by both), and a turned-down
 * proposal is recorded as CORRECTION_REJECTED. Append-only, like the log.
 */
@Entity
@Immutable
@Table(name = "correction_proposal")
public class CorrectionProposal {

    @Id
    private UUID id;
    private UUID betId;
    private UUID supersedesId;
    private String rationale;
    private String proposedBy;
    private String proposerName;
    /** The side the proposer signed for: "product" or "engineering". */
    private String side;
    private Instant proposedAt;

    protected CorrectionProposal() {
    }

    CorrectionProposal(UUID betId, UUID supersedesId, String rationale, String proposedBy, String proposerName, String side,
                       Instant proposedAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.supersedesId = supersedesId;
        this.rationale = rationale;
        this.proposedBy = proposedBy;
        this.proposerName = proposerName;
        this.side = side;
        this.proposedAt = proposedAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public UUID getSupersedesId() { return supersedesId; }
    public String getRationale() { return rationale; }
    public String getProposedBy() { return proposedBy; }
    public String getProposerName() { return proposerName; }
    public String getSide() { return side; }
    public Instant getProposedAt() { return proposedAt; }
}
