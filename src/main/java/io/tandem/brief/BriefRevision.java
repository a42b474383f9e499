package io.tandem.brief;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Immutable;
import org.hibernate.type.SqlTypes;

/** One revision of a bet's problem brief. Append-only: the database refuses UPDATE and DELETE. */
@Entity
@Immutable
@Table(name = "brief_revision")
public class BriefRevision {

    @Id
    private UUID id;
    private UUID betId;
    private int revision;
    @Convert(converter = BriefContentColumn.class)
    @JdbcTypeCode(SqlTypes.JSON)
    private BriefContent content;
    private String contentHash;
    private String authorId;
    private String authorName;
    private Instant createdAt;

    protected BriefRevision() {
    }

    BriefRevision(UUID betId, int revision, BriefContent content, String contentHash, String authorId,
                  String authorName, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.revision = revision;
        this.content = content;
        this.contentHash = contentHash;
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public int getRevision() { return revision; }
    public BriefContent getContent() { return content; }
    public String getContentHash() { return contentHash; }
    public String getAuthorId() { return authorId; }
    public String getAuthorName() { return authorName; }
    public Instant getCreatedAt() { return createdAt; }
}
