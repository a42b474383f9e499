package io.tandem.activity;

import io.tandem.people.People;
import io.tandem.people.Person;
import io.tandem.security.CurrentUser;
import io.tandem.security.CurrentUsers;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who made the change being recorded: the person signed in to the API, or else the person the engine's web apps
 * signed in (a task completed in Tasklist); nobody for the workflow's own steps (a timer, the job executor).
 */
@Component
class Actors {

    record Actor(String id, String name) {
        static final Actor WORKFLOW = new Actor(null, null);
    }

    private final CurrentUsers users;
    private final IdentityService engineIdentity;
    private final People people;

    Actors(CurrentUsers users, IdentityService engineIdentity, People people) {
        this.users = users;
        this.engineIdentity = engineIdentity;
        this.people = people;
    }

    Actor current() {
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
            CurrentUser user = users.current();
            return new Actor(user.id(), user.displayName());
        }
        Authentication engine = engineIdentity.getCurrentAuthentication();
        if (engine != null && engine.getUserId() != null) {
            return new Actor(engine.getUserId(), people.find(engine.getUserId()).map(Person::getDisplayName)
                    .orElse(engine.getUserId()));
        }
        return Actor.WORKFLOW;
    }
}
