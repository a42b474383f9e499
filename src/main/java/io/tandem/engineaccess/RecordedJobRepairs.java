package io.tandem.engineaccess;

import io.tandem.bet.BetService;
import io.tandem.decision.Answer;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.NewDecision;
import io.tandem.decision.Signer;
import io.tandem.lifecycle.BetLifecycle;
import io.tandem.security.Role;
import io.tandem.shared.StoredTime;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.operaton.bpm.engine.AuthorizationException;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.operaton.bpm.engine.impl.incident.IncidentContext;
import org.operaton.bpm.engine.impl.incident.IncidentHandler;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An operator's repair of a failed job never goes unrecorded: when an admin gives a failed job of a bet's workflow its
 * retries back (Cockpit's "retry", the engine API's job retries), the bet's decision log gets an OPERATOR_INTERVENTION
 * entry saying who retried which step and the failure that made them do it, in the same transaction. Taking a job's
 * retries away by hand would stop the bet's workflow, so an operator may not (the job executor still does when a job
 * fails). Everything else is the engine's own handling of failed-job incidents.
 */
@Component
class RecordedJobRepairs implements IncidentHandler {

    private final IncidentHandler incidents = new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);
    private final ObjectProvider<DecisionLog> decisionLog;
    private final ObjectProvider<BetService> bets;
    private final Clock clock;

    RecordedJobRepairs(ObjectProvider<DecisionLog> decisionLog, ObjectProvider<BetService> bets, Clock clock) {
        this.decisionLog = decisionLog;
        this.bets = bets;
        this.clock = clock;
    }

    @Override
    public String getIncidentHandlerType() {
        return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        if (EngineDoor.outsideCaller() != null) {
            throw new AuthorizationException("Taking a job's retries away would stop the bet's workflow at '"
                    + context.getActivityId() + "'; an operator may only give a failed job its retries back");
        }
        return incidents.handleIncident(context, message);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
        String operator = EngineDoor.outsideCaller();
        if (operator != null) {
            record(context, operator);
        }
        incidents.resolveIncident(context);
    }

    @Override
    public void deleteIncident(IncidentContext context) {
        incidents.deleteIncident(context);
    }

    private void record(IncidentContext incident, String operator) {
        CommandContext command = Context.getCommandContext();
        ExecutionEntity execution = command.getExecutionManager().findExecutionById(incident.getExecutionId());
        Optional<UUID> betId = execution == null ? Optional.empty() : betOf(execution);
        if (betId.isEmpty()) {
            return;
        }
        String failure = command.getIncidentManager().findIncidentByConfiguration(incident.getConfiguration()).stream()
                .map(Incident::getIncidentMessage).filter(m -> m != null && !m.isBlank()).findFirst().orElse("no message");
        bets.getObject().claimForChange(betId.get(), "betId");
        decisionLog.getObject().append(betId.get(), new NewDecision(DecisionKind.OPERATOR_INTERVENTION, null,
                "An operator retried the failed job at '" + incident.getActivityId() + "' of the bet's workflow",
                List.of(), null, "The job had failed: " + failure,
                List.of(new Signer(operator, displayName(command, operator), Role.ADMIN.group(), Answer.APPROVE.name(), null,
                        StoredTime.now(clock))), null));
    }

    private static Optional<UUID> betOf(ExecutionEntity execution) {
        if (!BetLifecycle.PROCESS_KEY.equals(execution.getProcessDefinition().getKey())) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(execution.getProcessBusinessKey()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String displayName(CommandContext command, String userId) {
        User user = command.getReadOnlyIdentityProvider().findUserById(userId);
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}
