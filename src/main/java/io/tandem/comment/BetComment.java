package io.tandem.comment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A comment on a bet, optionally replying to another comment of the same bet. Append-only: the database refuses UPDATE and DELETE. */
@Entity
@Immutable
@Table(name = "bet_comment")
public class BetComment {

    /** The longest body, in characters after trimming. */
    public static final int BODY_MAX = 5_000;

    @Id
    private UUID id;
    private UUID betId;
    private String authorId;
    private String authorName;
    private String body;
    private UUID replyToId;
    private Instant createdAt;

    protected BetComment() {
    }

    BetComment(UUID betId, String authorId, String authorName, String body, UUID replyToId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = body;
        this.replyToId = replyToId;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public String getAuthorId() { return authorId; }
    public String getAuthorName() { return authorName; }
    public String getBody() { return body; }
    public UUID getReplyToId() { return replyToId; }
    public Instant getCreatedAt() { return createdAt; }
}
