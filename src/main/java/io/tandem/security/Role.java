package io.tandem.security;

import java.util.Locale;
import java.util.Optional;

/** The Keycloak realm roles (docs/product.md, "Roles"). The lower-case name is also the engine's group id. */
public enum Role {
    PRODUCT, ENGINEERING, LEADERSHIP, INTEGRATION, ADMIN;

    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + group();
    }

    public static Optional<Role> fromGroup(String group) {
        for (Role role : values()) {
            if (role.group().equalsIgnoreCase(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public static Optional<Role> fromAuthority(String authority) {
        return authority.startsWith("ROLE_") ? fromGroup(authority.substring(5)) : Optional.empty();
    }
}
