package io.tandem.lifecycle;

import io.tandem.security.CurrentUser;
import io.tandem.security.EngineIdentities;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.OwnEngineCalls;
import io.tandem.shared.RuleViolation;
import java.util.List;
import java.util.function.Supplier;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Bridges Tandem's caller to the engine's authentication, which is what the task listeners read.
 * Tasklist sets the same authentication for its users, so both doors look alike to the rules. What Tandem does as a
 * person is one of its own engine calls: its services and listeners have checked it, the engine's authorization does not.
 */
@Component
public class EngineUsers {

    private static final ThreadLocal<CurrentUser> ACTING = new ThreadLocal<>();

    private final IdentityService identityService;
    private final EngineIdentities identities;

    EngineUsers(IdentityService identityService, EngineIdentities identities) {
        this.identityService = identityService;
        this.identities = identities;
    }

    public <T> T actAs(CurrentUser user, Supplier<T> work) {
        // so that a task can be handed over to anyone who has acted in Tandem, and Tasklist knows them
        identities.remember(user);
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user.id(), user.groups());
        ACTING.set(user);
        try {
            return OwnEngineCalls.run(work);
        } finally {
            ACTING.remove();
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    EngineUser current() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new RuleViolation(ErrorCode.UNAUTHENTICATED, "Only a signed-in person can complete this task");
        }
        String id = authentication.getUserId();
        List<String> groups = authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds());
        return new EngineUser(id, displayName(id), groups);
    }

    private String displayName(String id) {
        CurrentUser acting = ACTING.get();
        if (acting != null && acting.id().equals(id)) {
            return acting.displayName();
        }
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            return id;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? id : name;
    }
}
