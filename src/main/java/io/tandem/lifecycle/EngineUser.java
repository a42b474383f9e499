package io.tandem.lifecycle;

import io.tandem.security.Role;
import java.util.List;

/** The person completing a task, as the engine knows them (same for GraphQL and Tasklist). */
record EngineUser(String id, String name, List<String> groups) {

    boolean has(Role role) {
        return groups.contains(role.group());
    }
}
