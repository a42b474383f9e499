package io.tandem.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The people of the local profile. They exist only while no identity provider is configured
 * (see SecurityConfig); each logs in with HTTP Basic and with the same password in the engine's web apps.
 */
@Component
public class DemoUsers {

    public record DemoUser(String id, String displayName, String password, Set<Role> roles) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("priya", "Priya Patel", "priya", Set.of(Role.PRODUCT)),
            new DemoUser("paul", "Paul Novak", "paul", Set.of(Role.PRODUCT)),
            new DemoUser("erin", "Erin Walsh", "erin", Set.of(Role.ENGINEERING)),
            new DemoUser("ethan", "Ethan Brooks", "ethan", Set.of(Role.ENGINEERING)),
            new DemoUser("sam", "Sam Rivera", "sam", Set.of(Role.PRODUCT, Role.ENGINEERING)),
            new DemoUser("lena", "Lena Fischer", "lena", Set.of(Role.LEADERSHIP)),
            new DemoUser("leo", "Leo Marsh", "leo", Set.of(Role.LEADERSHIP)),
            new DemoUser("ivan", "Integration Bot", "ivan", Set.of(Role.INTEGRATION)),
            new DemoUser("maya", "Metrics Feed", "maya", Set.of(Role.INTEGRATION, Role.INTEGRATION_METRICS)),
            new DemoUser("ada", "Ada Admin", "ada", Set.of(Role.ADMIN)));

    public List<DemoUser> all() {
        return USERS;
    }

    public Optional<String> displayName(String id) {
        return USERS.stream().filter(u -> u.id().equals(id)).map(DemoUser::displayName).findFirst();
    }
}
