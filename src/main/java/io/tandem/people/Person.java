package io.tandem.people;

import io.tandem.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Someone Tandem knows, with the Tandem roles last recorded for them. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    private String id;
    private String displayName;
    private String email;
    private boolean product;
    private boolean engineering;
    private boolean leadership;
    private boolean integration;
    private boolean admin;
    private boolean integrationMetrics;
    private Instant recordedAt;
    private Instant listedAt;
    /** How the decision log's hashes name them: random, stable, and nothing personal. */
    private UUID pseudonym;
    private Instant erasedAt;

    protected Person() {
    }

    Person(String id) {
        this.id = id;
    }

    public String getId() { return id; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public Instant getRecordedAt() { return recordedAt; }
    /** When the directory last listed them; null when they are known only from signing in. */
    public Instant getListedAt() { return listedAt; }
    public UUID getPseudonym() { return pseudonym; }
    /** When an admin erased their personal data; null while it is kept. */
    public Instant getErasedAt() { return erasedAt; }

    public Set<Role> getRoles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (has(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    public boolean has(Role role) {
        return switch (role) {
            case PRODUCT -> product;
            case ENGINEERING -> engineering;
            case LEADERSHIP -> leadership;
            case INTEGRATION -> integration;
            case ADMIN -> admin;
            case INTEGRATION_METRICS -> integrationMetrics;
        };
    }

    /** The property that says whether a person holds this role: the role's name in camel case (integrationMetrics). */
    static String flag(Role role) {
        String[] words = role.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder flag = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            flag.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return flag.toString();
    }

    void record(String displayName, String email, Set<Role> roles, Instant now) {
        // what an erasure removed, a later sign-in or directory read does not bring back
        if (erasedAt == null) {
            this.displayName = displayName;
            if (email != null) {
                this.email = email;
            }
        }
        this.product = roles.contains(Role.PRODUCT);
        this.engineering = roles.contains(Role.ENGINEERING);
        this.leadership = roles.contains(Role.LEADERSHIP);
        this.integration = roles.contains(Role.INTEGRATION);
        this.admin = roles.contains(Role.ADMIN);
        this.integrationMetrics = roles.contains(Role.INTEGRATION_METRICS);
        this.recordedAt = now;
    }

    void listed(Instant now) {
        this.listedAt = now;
    }
}
