package io.tandem.engineaccess;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.TaskPermissions;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.operaton.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * The engine's authorizations for the people of a task: a candidate (the role's group, or the named lead) and the holder
 * may see the task, work it (claim, complete, comment) and hand it over, nothing more. the engine's default would give them
 * UPDATE, which also writes the task's variables outside a completion and changes its due date or priority. Who may
 * claim, hand over or complete is then decided by the task listeners (lifecycle/TaskRules), as for every door.
 * A person gets no authorization on their own user record either: nobody administers users through the web apps.
 */
class CandidateTaskAuthorizations extends DefaultAuthorizationProvider {

    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
        List<Permission> permissions = new ArrayList<>(List.of(TaskPermissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN));
        if (enforceSpecificVariablePermission) {
            permissions.add(TaskPermissions.READ_VARIABLE);
        }
        return permissions.toArray(Permission[]::new);
    }

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return null;
    }

    /** The permissions a candidate or holder of a task gets, as the engine stores them (a bit mask). */
    static int taskPermissionMask() {
        int mask = 0;
        for (Permission permission : new CandidateTaskAuthorizations().getRuntimePermissions(false)) {
            mask |= permission.getValue();
        }
        return mask;
    }
}
