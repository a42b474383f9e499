package io.tandem.security;

import java.util.Optional;

/**
 * The Keycloak roles (docs/product.md, "Roles"), by their role name, which is also the engine's group id.
 * INTEGRATION_METRICS is a scope an integration holds besides INTEGRATION: it may append metric readings.
 */
public enum Role {
    PRODUCT("product"), ENGINEERING("engineering"), LEADERSHIP("leadership"), INTEGRATION("integration"), ADMIN("admin"),
    INTEGRATION_METRICS("integration-metrics");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
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
