package io.tandem.delivery;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A delivery status update. Append-only: the database refuses UPDATE and DELETE. */
@Entity
@Immutable
@Table(name = "status_update")
public class StatusUpdate {

    @Id
    private UUID id;
    private UUID betId;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private String text;
    private String authorId;
    private String authorName;
    private Instant createdAt;

    protected StatusUpdate() {
    }

    StatusUpdate(UUID betId, DeliveryStatus status, String text, String authorId, String authorName, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.status = status;
        this.text = text;
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public DeliveryStatus getStatus() { return status; }
    public String getText() { return text; }
    public String getAuthorId() { return authorId; }
    public String getAuthorName() { return authorName; }
    public Instant getCreatedAt() { return createdAt; }
}
