package io.tandem.security;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the local profile, gives each demo user an engine account with the same password and groups,
 * so Tasklist shows the same people and the gate listeners see the same roles. Memberships follow the roles on every
 * start (EngineIdentities), so a membership the roles do not give, the engine's admin group included, is taken away.
 */
@Component
class DemoIdentitySync {

    private final IdentityService identityService;
    private final EngineIdentities identities;
    private final DemoUsers demoUsers;
    private final SecurityProperties properties;

    DemoIdentitySync(IdentityService identityService, EngineIdentities identities, DemoUsers demoUsers, SecurityProperties properties) {
        this.identityService = identityService;
        this.identities = identities;
        this.demoUsers = demoUsers;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sync() {
        if (!properties.demoMode()) {
            return;
        }
        for (Role role : Role.values()) {
            ensureGroup(role.group(), role.name().charAt(0) + role.group().substring(1), "WORKFLOW");
        }
        for (DemoUsers.DemoUser demo : demoUsers.all()) {
            String[] names = demo.displayName().split(" ", 2);
            String lastName = names.length > 1 ? names[1] : "";
            User user = identityService.createUserQuery().userId(demo.id()).singleResult();
            if (user == null) {
                user = identityService.newUser(demo.id());
                user.setFirstName(names[0]);
                user.setLastName(lastName);
                user.setPassword(demo.password());
                identityService.saveUser(user);
            } else if (!identityService.checkPassword(demo.id(), demo.password())) {
                // recorded before this sync ran (a request that came first, another replica), with a password nobody knows
                user.setPassword(demo.password());
                identityService.saveUser(user);
            }
            identities.remember(demo.id(), names[0], lastName, null, EngineIdentities.groupsOf(demo.roles()));
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }
}
