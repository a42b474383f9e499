package io.tandem.engineaccess;

import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.incident.IncidentHandler;
import org.operaton.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's authorization on for good (it is not a setting: without it every signed-in person could modify,
 * suspend or delete any bet's workflow through the REST API) and installs what goes with it: the authorizations of a
 * task's people, the door that decides what is checked and refuses what authorization cannot express, a rule's
 * refusal answered as a bad request rather than a server error (RuleRefusals), and the record of an operator's
 * repairs. The Operaton starter applies every plugin bean.
 */
@Component
class EngineAccessPlugin extends AbstractProcessEnginePlugin {

    private final RecordedJobRepairs jobRepairs;

    EngineAccessPlugin(RecordedJobRepairs jobRepairs) {
        this.jobRepairs = jobRepairs;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAuthorizationEnabled(true);
        // Tandem grants and never revokes, so the engine need not look for revocations on every check
        configuration.setAuthorizationCheckRevokes("never");
        configuration.setResourceAuthorizationProvider(new CandidateTaskAuthorizations());
        EngineDoor door = new EngineDoor();
        configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired(), door));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), door));
        // one each: an interceptor before the transaction's leads on to the rest of its own chain
        configuration.setCustomPreCommandInterceptorsTxRequired(
                with(configuration.getCustomPreCommandInterceptorsTxRequired(), new RuleRefusals()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new RuleRefusals()));
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(jobRepairs);
        configuration.setCustomIncidentHandlers(handlers);
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor door) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(door);
        return all;
    }
}
