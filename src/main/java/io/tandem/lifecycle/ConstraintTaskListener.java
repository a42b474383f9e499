package io.tandem.lifecycle;

import io.tandem.brief.ConstraintService;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import java.util.Objects;
import java.util.UUID;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Runs when anyone completes a constraint's acknowledgement task, through GraphQL or Tasklist alike: completing it
 * acknowledges that constraint on behalf of the person completing it, who must hold the product role, with the
 * task's optional {@code response}. When acknowledgeConstraint completed the task, the acknowledgement is already
 * recorded and nothing more is written.
 */
@Component("constraintTaskListener")
class ConstraintTaskListener implements TaskListener {

    private final ConstraintService constraints;
    private final EngineUsers engineUsers;

    ConstraintTaskListener(ConstraintService constraints, EngineUsers engineUsers) {
        this.constraints = constraints;
        this.engineUsers = engineUsers;
    }

    @Override
    public void notify(DelegateTask task) {
        EngineUser user = engineUsers.current();
        if (!user.has(Role.PRODUCT)) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "constraintId", "Acknowledging a technical constraint needs the product role");
        }
        UUID constraintId = UUID.fromString((String) task.getVariable(BetLifecycle.VAR_CONSTRAINT_ID));
        String response = Objects.toString(task.getVariable(BetLifecycle.VAR_RESPONSE), null);
        // the response belongs to this acknowledgement only; another task must not find it
        task.removeVariable(BetLifecycle.VAR_RESPONSE);
        constraints.acknowledgeAs(constraintId, response, user.asCurrentUser());
    }
}
