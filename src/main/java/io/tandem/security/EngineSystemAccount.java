package io.tandem.security;

import java.util.UUID;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Groups;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's web apps offer a page to create the first administrator as long as the engine's admin group
 * (operaton-admin) has no member, and the engine's authorization does not check that group's members at all. So nobody
 * who signs in is a member: a locked system account (a random password nobody knows, no sign-in through the identity
 * provider) holds the group, in the demo mode and with Keycloak alike, and the page is never offered.
 *
 * <p>A database that Camunda 7 ran on also holds Camunda's admin group, camunda-admin, which means nothing to this
 * engine; it is deleted with its memberships and any grant written to it, so nobody keeps a power through a name
 * that is no longer checked.
 */
@Component
class EngineSystemAccount {

    /** The system account's user id; EngineIdentities never records a person under it. */
    static final String ID = "tandemsystem";
    /** Camunda 7's admin group, left in a database that Camunda 7 ran on. */
    static final String CAMUNDA_7_ADMIN = "camunda-admin";

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    EngineSystemAccount(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void closeTheSetupPage() {
        forgetCamunda7AdminGroup();
        if (identity.createGroupQuery().groupId(Groups.OPERATON_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.OPERATON_ADMIN);
            group.setName("Operaton administrators");
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
        if (identity.createUserQuery().userId(ID).memberOfGroup(Groups.OPERATON_ADMIN).count() == 0) {
            identity.createMembership(ID, Groups.OPERATON_ADMIN);
        }
    }

    private void forgetCamunda7AdminGroup() {
        authorizations.createAuthorizationQuery().groupIdIn(CAMUNDA_7_ADMIN).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        if (identity.createGroupQuery().groupId(CAMUNDA_7_ADMIN).count() > 0) {
            identity.deleteGroup(CAMUNDA_7_ADMIN);
        }
    }
}
