package io.tandem.security;

import java.util.Set;

/**
 * A person was recorded with these roles, on signing in or from the directory: published inside the transaction that
 * records them in the engine's identity service, so the two records agree.
 */
public record PersonRecorded(String userId, String displayName, String email, Set<Role> roles) {

    public PersonRecorded {
        roles = Set.copyOf(roles);
    }
}
