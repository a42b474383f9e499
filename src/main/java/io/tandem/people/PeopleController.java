package io.tandem.people;

import io.tandem.graphql.Connections;
import io.tandem.security.Role;
import java.util.List;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class PeopleController {

    private final People people;

    PeopleController(People people) {
        this.people = people;
    }

    @QueryMapping(name = "people")
    Connections.Connection<Person> people(@Argument Role role, @Argument String search, @Argument Integer first,
                                          @Argument String after) {
        int size = Connections.pageSize(first);
        ScrollPosition position = Connections.after(after);
        if (search != null && search.length() > People.SEARCH_MAX) {
            throw new Connections.InvalidArgument("search is limited to " + People.SEARCH_MAX + " characters");
        }
        return Connections.of(people.page(role, search, position, size), position, () -> people.count(role, search));
    }

    @SchemaMapping(typeName = "Person")
    String name(Person person) {
        return person.getDisplayName();
    }

    @SchemaMapping(typeName = "Person")
    List<Role> roles(Person person) {
        return List.copyOf(person.getRoles());
    }
}
