package io.tandem.security;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Camunda's web apps offer a page to create the first administrator as long as Camunda's admin group has no member, and
 * the engine's authorization does not check that group's members at all. So nobody who signs in is a member: a locked
 * system account (a random password nobody knows, no sign-in through the identity provider) holds the group, in the
 * demo mode and with Keycloak alike, and the page is never offered.
 */
@Component
class EngineSystemAccount {

    /** The system account's user id; EngineIdentities never records a person under it. */
    static final String ID = "tandemsystem";
    /** Camunda's own administrators group (Groups.CAMUNDA_ADMIN). */
    static final String CAMUNDA_ADMIN = "camunda-admin";

    private final IdentityService identity;

    EngineSystemAccount(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void closeTheSetupPage() {
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(ID).count() == 0) {
            User system = identity.newUser(ID);
            system.setFirstName("Tandem");
            system.setLastName("system account (no sign-in)");
            system.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
            identity.saveUser(system);
        }
        if (identity.createUserQuery().userId(ID).memberOfGroup(CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(ID, CAMUNDA_ADMIN);
        }
    }
}
