package io.tandem.security;

import java.util.List;
import java.util.Set;

/** Who is calling: the identity provider's user id, a display name and the Tandem roles they hold. */
public record CurrentUser(String id, String displayName, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Engine group ids, so that the engine's own authentication carries the same roles. */
    public List<String> groups() {
        return roles.stream().map(Role::group).sorted().toList();
    }
}
