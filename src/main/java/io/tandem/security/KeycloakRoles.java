package io.tandem.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Keycloak puts realm roles in realm_access.roles and client roles in resource_access.*.roles. */
final class KeycloakRoles {

    private KeycloakRoles() {
    }

    static Collection<GrantedAuthority> of(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        add(authorities, jwt.getClaimAsMap("realm_access"));
        Map<String, Object> resources = jwt.getClaimAsMap("resource_access");
        if (resources != null) {
            resources.values().forEach(access -> {
                if (access instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
                    roles.forEach(role -> addRole(authorities, role));
                }
            });
        }
        return authorities;
    }

    private static void add(Collection<GrantedAuthority> authorities, Map<String, Object> access) {
        if (access != null && access.get("roles") instanceof Collection<?> roles) {
            roles.forEach(role -> addRole(authorities, role));
        }
    }

    private static void addRole(Collection<GrantedAuthority> authorities, Object role) {
        Role.fromGroup(String.valueOf(role)).ifPresent(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
    }
}
