package io.tandem.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tandem roles from a Keycloak token: realm roles (realm_access.roles) and the client roles
 * (resource_access.&lt;client&gt;.roles) of Tandem's own clients only. Another client of the same realm, a wiki say,
 * may well have a role called admin; that role is the wiki's, not Tandem's.
 */
final class KeycloakRoles {

    private final List<String> roleClients;

    KeycloakRoles(List<String> roleClients) {
        this.roleClients = List.copyOf(roleClients);
    }

    Collection<GrantedAuthority> of(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        add(authorities, jwt.getClaimAsMap("realm_access"));
        Map<String, Object> resources = jwt.getClaimAsMap("resource_access");
        if (resources != null) {
            for (String client : roleClients) {
                if (resources.get(client) instanceof Map<?, ?> access) {
                    add(authorities, access);
                }
            }
        }
        return authorities;
    }

    private static void add(Collection<GrantedAuthority> authorities, Map<?, ?> access) {
        if (access != null && access.get("roles") instanceof Collection<?> roles) {
            roles.forEach(role -> Role.fromGroup(String.valueOf(role))
                    .ifPresent(r -> authorities.add(new SimpleGrantedAuthority(r.authority()))));
        }
    }
}
