package io.tandem.people;

import io.tandem.graphql.Connections;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import io.tandem.security.Role;
import java.util.List;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class PeopleController {

    record ErasePersonalDataInput(String personId, String reason) {
    }

    record ErasePersonalDataPayload(PersonErasure erasure, List<UserErrorView> userErrors) {
    }

    private final People people;
    private final Erasures erasures;
    private final CurrentUsers users;

    PeopleController(People people, Erasures erasures, CurrentUsers users) {
        this.people = people;
        this.erasures = erasures;
        this.users = users;
    }

    @MutationMapping
    ErasePersonalDataPayload erasePersonalData(@Argument ErasePersonalDataInput input) {
        return Mutations.run(() -> new ErasePersonalDataPayload(erasures.erase(input.personId(), input.reason(),
                users.current()), List.of()), errors -> new ErasePersonalDataPayload(null, errors));
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
