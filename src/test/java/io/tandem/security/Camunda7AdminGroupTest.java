package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Groups;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database that Camunda 7 ran on keeps Camunda's admin group, camunda-admin, and whatever grants its setup page wrote
 * to it. Operaton no longer treats that group as its administrators, but a grant written to it still counts; at start
 * the group goes, with its members and grants, and the engine's own admin group keeps only the system account.
 */
class Camunda7AdminGroupTest extends GraphQlTestBase {

    @Autowired
    private IdentityService identityService;
    @Autowired
    private AuthorizationService authorizationService;
    @Autowired
    private EngineSystemAccount systemAccount;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theGroupCamunda7LeftBehindLosesItsMembersAndItsGrantsAtStart() {
        // as Camunda 7 left them: this engine's identity service no longer takes that group id
        jdbc.update("insert into act_id_group (id_, rev_, name_, type_) values (?, 1, 'Camunda BPM Administrators', 'SYSTEM')",
                EngineSystemAccount.CAMUNDA_7_ADMIN);
        jdbc.update("insert into act_id_membership (user_id_, group_id_) values ('priya', ?)", EngineSystemAccount.CAMUNDA_7_ADMIN);
        Authorization everything = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        everything.setGroupId(EngineSystemAccount.CAMUNDA_7_ADMIN);
        everything.setResource(Resources.DEPLOYMENT);
        everything.setResourceId("*");
        everything.addPermission(Permissions.ALL);
        authorizationService.saveAuthorization(everything);
        assertThat(mayDeploy("priya")).as("priya through the Camunda 7 group, before the start").isTrue();

        systemAccount.closeTheSetupPage();

        assertThat(mayDeploy("priya")).isFalse();
        assertThat(identityService.createGroupQuery().groupId(EngineSystemAccount.CAMUNDA_7_ADMIN).count()).isZero();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(EngineSystemAccount.CAMUNDA_7_ADMIN).count())
                .isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.OPERATON_ADMIN).list()).extracting(User::getId)
                .containsExactly(EngineSystemAccount.ID);
    }

    private boolean mayDeploy(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        return authorizationService.isUserAuthorized(userId, groups, Permissions.CREATE, Resources.DEPLOYMENT);
    }
}
