package io.tandem.decision;

import io.tandem.shared.FieldChange;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An entry of a bet's append-only decision log, chained to the previous entry by its hash. */
@Entity
@Immutable
@Table(name = "decision")
public class Decision {

    @Id
    private UUID id;
    private UUID betId;
    private int sequence;
    @Enumerated(EnumType.STRING)
    private DecisionKind kind;
    @Enumerated(EnumType.STRING)
    private Gate gate;
    private String context;
    @Convert(converter = OptionsConsideredColumn.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private List<OptionConsidered> optionsConsidered;
    private String chosenOption;
    private String rationale;
    @Convert(converter = SignersColumn.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Signer> signers;
    private UUID supersedesId;
    /** Null rather than empty on entries that change no field: their hashes were computed without it. */
    @Convert(converter = FieldChangesColumn.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private List<FieldChange> changes;
    private Instant recordedAt;
    private String previousHash;
    private String hash;
    /** How {@link DecisionHash} hashed it: 2 with pseudonyms, 1 for entries recorded before pseudonyms. */
    private int hashVersion;

    protected Decision() {
    }

    /** A new entry; {@code pseudonyms} names every person it names (its signers, the people a change names). */
    Decision(UUID betId, int sequence, NewDecision entry, Instant recordedAt, String previousHash,
             Map<String, UUID> pseudonyms) {
        this.hashVersion = LoggedEntry.CURRENT_VERSION;
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.sequence = sequence;
        this.kind = entry.kind();
        this.gate = entry.gate();
        this.context = entry.context();
        this.optionsConsidered = List.copyOf(entry.optionsConsidered());
        this.chosenOption = entry.chosenOption();
        this.rationale = entry.rationale();
        // a signer's name is personal data: read from the person it names, never kept in the entry
        this.signers = entry.signers().stream().map(Signer::withoutName).toList();
        this.supersedesId = entry.supersedesId();
        this.changes = entry.changes().isEmpty() ? null : entry.changes();
        this.recordedAt = recordedAt;
        this.previousHash = previousHash;
        this.hash = DecisionHash.of(this, pseudonyms);
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public int getSequence() { return sequence; }
    public DecisionKind getKind() { return kind; }
    public Gate getGate() { return gate; }
    public String getContext() { return context; }
    public List<OptionConsidered> getOptionsConsidered() { return optionsConsidered; }
    public String getChosenOption() { return chosenOption; }
    public String getRationale() { return rationale; }
    public List<Signer> getSigners() { return signers; }
    public UUID getSupersedesId() { return supersedesId; }
    public List<FieldChange> getChanges() { return changes == null ? List.of() : changes; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getPreviousHash() { return previousHash; }
    public String getHash() { return hash; }
    public int getHashVersion() { return hashVersion; }
}
