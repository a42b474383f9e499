package io.tandem.security;

import java.util.HashSet;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Resolves the caller of the current request from Spring Security, whichever way they logged in. */
@Component
public class CurrentUsers {

    private final DemoUsers demoUsers;

    CurrentUsers(DemoUsers demoUsers) {
        this.demoUsers = demoUsers;
    }

    public CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("Not authenticated");
        }
        Set<Role> roles = new HashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            Role.fromAuthority(authority.getAuthority()).ifPresent(roles::add);
        }
        String id = authentication.getName();
        String name = id;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String preferred = jwt.getToken().getClaimAsString("preferred_username");
            String full = jwt.getToken().getClaimAsString("name");
            name = full != null ? full : preferred != null ? preferred : id;
        } else {
            name = demoUsers.displayName(id).orElse(id);
        }
        return new CurrentUser(id, name, roles);
    }
}
