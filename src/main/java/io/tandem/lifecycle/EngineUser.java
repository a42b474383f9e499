package io.tandem.lifecycle;

import io.tandem.security.CurrentUser;
import io.tandem.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The person completing a task, as the engine knows them (same for GraphQL and Tasklist). */
record EngineUser(String id, String name, List<String> groups) {

    boolean has(Role role) {
        return groups.contains(role.group());
    }

    /** The same person as Tandem's services take them: their groups that are Tandem roles. */
    CurrentUser asCurrentUser() {
        return new CurrentUser(id, name,
                groups.stream().map(Role::fromGroup).flatMap(Optional::stream).collect(Collectors.toSet()));
    }
}
