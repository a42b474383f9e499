package io.tandem.decision;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One person's answer for one side of one gate round. Append-only. */
@Entity
@Immutable
@Table(name = "sign_off")
public class SignOff {

    @Id
    private UUID id;
    private UUID betId;
    private UUID roundId;
    @Enumerated(EnumType.STRING)
    private Gate gate;
    private String role;
    private String signerId;
    private String signerName;
    private String actingFor;
    @Enumerated(EnumType.STRING)
    private Answer answer;
    private String choice;
    private String reason;
    private String briefHash;
    private Instant signedAt;

    protected SignOff() {
    }

    public SignOff(UUID betId, UUID roundId, Gate gate, String role, String signerId, String signerName, String actingFor,
                   Answer answer, String choice, String reason, String briefHash, Instant signedAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.roundId = roundId;
        this.gate = gate;
        this.role = role;
        this.signerId = signerId;
        this.signerName = signerName;
        this.actingFor = actingFor;
        this.answer = answer;
        this.choice = choice;
        this.reason = reason;
        this.briefHash = briefHash;
        this.signedAt = signedAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public UUID getRoundId() { return roundId; }
    public Gate getGate() { return gate; }
    public String getRole() { return role; }
    public String getSignerId() { return signerId; }
    public String getSignerName() { return signerName; }
    /** The lead a stand-in signed for; null when the signer signed for themself. */
    public String getActingFor() { return actingFor; }
    public Answer getAnswer() { return answer; }
    public String getChoice() { return choice; }
    public String getReason() { return reason; }
    /** The content hash of the brief revision current when this was signed. */
    public String getBriefHash() { return briefHash; }
    public Instant getSignedAt() { return signedAt; }

    public Signer signer() {
        return new Signer(signerId, signerName, role, answer.name(), briefHash, signedAt, actingFor);
    }
}
