package io.tandem.webhook;

import io.tandem.activity.Activity;
import io.tandem.activity.ActivityKind;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** An endpoint an admin registered: where to send which changes, signed with its secret. */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    private UUID id;
    private String url;
    /** Comma-separated kinds; null for every kind. */
    private String kinds;
    private String team;
    private String secret;
    private boolean enabled;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    protected Webhook() {
    }

    Webhook(String url, List<ActivityKind> kinds, String team, String secret, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.url = url;
        this.kinds = kinds == null || kinds.isEmpty() ? null : kinds.stream().map(Enum::name).collect(Collectors.joining(","));
        this.team = team;
        this.secret = secret;
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID getId() { return id; }
    public String getUrl() { return url; }
    public String getTeam() { return team; }
    public boolean isEnabled() { return enabled; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    String getSecret() { return secret; }

    /** The kinds it is sent; empty for every kind. */
    public List<ActivityKind> getKinds() {
        return kinds == null ? List.of() : Arrays.stream(kinds.split(",")).map(ActivityKind::valueOf).toList();
    }

    boolean wants(Activity activity) {
        return enabled && (kinds == null || getKinds().contains(activity.kind())) && (team == null || team.equals(activity.team()));
    }

    void enable(boolean on, Instant now) {
        this.enabled = on;
        this.updatedAt = now;
    }

    void rotate(String newSecret, Instant now) {
        this.secret = newSecret;
        this.updatedAt = now;
    }
}
