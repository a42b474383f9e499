package io.tandem.engineaccess;

import io.tandem.lifecycle.BetLifecycle;
import io.tandem.security.Role;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.BatchPermissions;
import org.operaton.bpm.engine.authorization.HistoricTaskPermissions;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.operaton.bpm.engine.authorization.ProcessInstancePermissions;
import org.operaton.bpm.engine.authorization.Resource;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.authorization.SystemPermissions;
import org.operaton.bpm.engine.authorization.TaskPermissions;
import org.operaton.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.operaton.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each Tandem role may do in the engine's web apps, written to the engine's authorizations at start, so every replica
 * and every restart agrees (a grant someone widened by hand is put back). Beyond these, a person may work the tasks they
 * are a candidate for or hold (CandidateTaskAuthorizations).
 * <ul>
 *   <li>product, engineering and leadership: Tasklist, and reading the lifecycle's diagram, its instances and their
 *       history (leadership works there the co-signatures of its own asks);</li>
 *   <li>admin: every web app and reading everything, and giving a failed job its retries back (recorded on the bet:
 *       RecordedJobRepairs); never modifying, cancelling, suspending, migrating or deleting a workflow, writing its
 *       variables, moving its timers, deploying, or administering users, groups and authorizations;</li>
 *   <li>integration: nothing; it reads bets through GraphQL.</li>
 * </ul>
 */
@Component
class RoleGrants {

    record Grant(Resource resource, String resourceId, Permission... permissions) {
    }

    private static final String ALL = Authorization.ANY;

    private static final List<Grant> WORKER = List.of(
            new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(Resources.PROCESS_DEFINITION, BetLifecycle.PROCESS_KEY,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(Resources.PROCESS_INSTANCE, ALL, ProcessInstancePermissions.READ),
            new Grant(Resources.FILTER, ALL, Permissions.READ));

    private static final List<Grant> OPERATOR = List.of(
            new Grant(Resources.APPLICATION, ALL, Permissions.ACCESS),
            new Grant(Resources.PROCESS_DEFINITION, ALL, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB),
            new Grant(Resources.PROCESS_INSTANCE, ALL, ProcessInstancePermissions.READ, ProcessInstancePermissions.RETRY_JOB),
            new Grant(Resources.TASK, ALL, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN),
            new Grant(Resources.HISTORIC_TASK, ALL, HistoricTaskPermissions.READ),
            new Grant(Resources.DEPLOYMENT, ALL, Permissions.READ),
            new Grant(Resources.DECISION_DEFINITION, ALL, Permissions.READ),
            new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ALL, Permissions.READ),
            new Grant(Resources.BATCH, ALL, BatchPermissions.READ, BatchPermissions.READ_HISTORY),
            new Grant(Resources.OPERATION_LOG_CATEGORY, ALL, UserOperationLogCategoryPermissions.READ),
            new Grant(Resources.USER, ALL, Permissions.READ),
            new Grant(Resources.GROUP, ALL, Permissions.READ),
            new Grant(Resources.TENANT, ALL, Permissions.READ),
            new Grant(Resources.AUTHORIZATION, ALL, Permissions.READ),
            new Grant(Resources.FILTER, ALL, Permissions.READ),
            new Grant(Resources.SYSTEM, ALL, SystemPermissions.READ));

    static final Map<Role, List<Grant>> GRANTS = Map.of(
            Role.PRODUCT, WORKER,
            Role.ENGINEERING, WORKER,
            Role.ADMIN, OPERATOR,
            Role.LEADERSHIP, WORKER,
            Role.INTEGRATION, List.of(),
            Role.INTEGRATION_METRICS, List.of());

    private final AuthorizationService authorizations;

    RoleGrants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Before anyone is let in: fail closed until then. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void grant() {
        GRANTS.forEach((role, grants) -> grants.forEach(grant -> grant(role.group(), grant)));
    }

    private void grant(String group, Grant grant) {
        int wanted = mask(grant.permissions());
        try {
            Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .groupIdIn(group).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
            if (existing == null) {
                Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                created.setGroupId(group);
                created.setResource(grant.resource());
                created.setResourceId(grant.resourceId());
                created.setPermissions(grant.permissions());
                authorizations.saveAuthorization(created);
            } else if (((AuthorizationEntity) existing).getPermissions() != wanted) {
                existing.setPermissions(grant.permissions());
                authorizations.saveAuthorization(existing);
            }
        } catch (ProcessEngineException concurrentStart) {
            // another replica starting at the same moment wrote the same grant; what it wrote is what this one wants
            Authorization written = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .groupIdIn(group).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
            if (written == null || ((AuthorizationEntity) written).getPermissions() != wanted) {
                throw concurrentStart;
            }
        }
    }

    private static int mask(Permission... permissions) {
        int mask = 0;
        for (Permission permission : permissions) {
            mask |= permission.getValue();
        }
        return mask;
    }
}
