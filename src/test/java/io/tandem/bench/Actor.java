package io.tandem.bench;

import io.tandem.security.CurrentUser;
import io.tandem.security.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A person acting in-process (the data generator and the engine baselines): the same Spring Security
 * authentication an HTTP request would carry, so @PreAuthorize and the gate rules see a real caller.
 */
record Actor(String id, Set<Role> roles) {

    static Actor of(String id, Role... roles) {
        return new Actor(id, Set.of(roles));
    }

    CurrentUser user() {
        return new CurrentUser(id, id, roles);
    }

    <T> T call(Supplier<T> work) {
        var authorities = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(id, null, authorities));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public String toString() {
        return id + Arrays.toString(roles.toArray());
    }
}
