package io.tandem.decision;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One way to commit: what we would ship by when, what it gains and what it gives up. */
@Entity
@Immutable
@Table(name = "bet_option")
public class BetOption {

    @Id
    private UUID id;
    private UUID betId;
    private int proposal;
    private int position;
    private String label;
    private String scopeSummary;
    private LocalDate windowDate;
    private String gains;
    private String givesUp;
    private String risk;
    private String proposedBy;
    private Instant createdAt;

    protected BetOption() {
    }

    BetOption(UUID betId, int proposal, int position, OptionDraft draft, String proposedBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.proposal = proposal;
        this.position = position;
        this.label = draft.label();
        this.scopeSummary = draft.scopeSummary();
        this.windowDate = draft.window();
        this.gains = draft.gains();
        this.givesUp = draft.givesUp();
        this.risk = draft.risk();
        this.proposedBy = proposedBy;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public int getProposal() { return proposal; }
    public int getPosition() { return position; }
    public String getLabel() { return label; }
    public String getScopeSummary() { return scopeSummary; }
    public LocalDate getWindowDate() { return windowDate; }
    public String getGains() { return gains; }
    public String getGivesUp() { return givesUp; }
    public String getRisk() { return risk; }
    public String getProposedBy() { return proposedBy; }
    public Instant getCreatedAt() { return createdAt; }
}
