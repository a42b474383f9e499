package io.tandem.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the local profile, gives each demo user a Camunda account with the same password and groups,
 * so Tasklist shows the same people and the gate listeners see the same roles.
 */
@Component
class DemoIdentitySync {

    private final IdentityService identityService;
    private final DemoUsers demoUsers;
    private final SecurityProperties properties;

    DemoIdentitySync(IdentityService identityService, DemoUsers demoUsers, SecurityProperties properties) {
        this.identityService = identityService;
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
        ensureGroup(EngineIdentities.CAMUNDA_ADMIN, "Camunda administrators", "SYSTEM");
        for (DemoUsers.DemoUser demo : demoUsers.all()) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                String[] names = demo.displayName().split(" ", 2);
                user.setFirstName(names[0]);
                user.setLastName(names.length > 1 ? names[1] : "");
                user.setPassword(demo.password());
                identityService.saveUser(user);
                for (Role role : demo.roles()) {
                    identityService.createMembership(demo.id(), role.group());
                }
                if (demo.roles().contains(Role.ADMIN)) {
                    identityService.createMembership(demo.id(), EngineIdentities.CAMUNDA_ADMIN);
                }
            }
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
