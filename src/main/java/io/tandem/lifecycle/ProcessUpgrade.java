package io.tandem.lifecycle;

import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.impl.event.EventType;
import org.operaton.bpm.engine.migration.MigrationPlan;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A bet keeps running on the version of the lifecycle it started on, so a message that only later versions wait for
 * finds no subscription there. Before such a message is correlated, that one process instance moves to the latest
 * version with the engine's migration, every activity mapped to the activity of the same id: it keeps where it waits,
 * its tasks, timers and variables, and gains the later version's subscriptions.
 */
@Component
class ProcessUpgrade {

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;

    ProcessUpgrade(RuntimeService runtimeService, RepositoryService repositoryService) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    /** Migrates the process to the latest version when it does not wait for this message yet. */
    void toReceive(ProcessInstance process, String messageName) {
        boolean subscribed = runtimeService.createEventSubscriptionQuery().processInstanceId(process.getId())
                .eventType(EventType.MESSAGE.name()).eventName(messageName).count() > 0;
        if (subscribed) {
            return;
        }
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(BetLifecycle.PROCESS_KEY).latestVersion().singleResult();
        if (latest.getId().equals(process.getProcessDefinitionId())) {
            return;
        }
        MigrationPlan plan = runtimeService.createMigrationPlan(process.getProcessDefinitionId(), latest.getId())
                .mapEqualActivities().build();
        runtimeService.newMigration(plan).processInstanceIds(process.getId()).execute();
    }
}
