package io.tandem.security;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ViewerController {

    record Viewer(String id, String name, List<Role> roles) {
    }

    private final CurrentUsers users;

    ViewerController(CurrentUsers users) {
        this.users = users;
    }

    @QueryMapping
    Viewer viewer() {
        CurrentUser user = users.current();
        return new Viewer(user.id(), user.displayName(), user.roles().stream().sorted().toList());
    }
}
