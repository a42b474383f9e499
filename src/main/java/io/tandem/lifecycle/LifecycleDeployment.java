package io.tandem.lifecycle;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Deploys the lifecycle and its Tasklist form as one deployment, under resource names that do not depend on where
 * Tandem runs from. The starter's auto-deployment (off in application.yml) names a resource by its absolute file path
 * when the classes are a folder and by its file name inside the jar, so a form key could not name the form in both.
 * Nothing changed means no new version: the engine compares the resources with the latest deployment of this name.
 */
@Component
class LifecycleDeployment extends AbstractProcessEnginePlugin {

    static final String NAME = "bet-lifecycle";
    static final String PROCESS_RESOURCE = "bpmn/bet-lifecycle.bpmn";
    /** The task form every user task names (camunda:formKey="embedded:deployment:bpmn/forms/bet-task.html"). */
    static final String FORM_RESOURCE = "bpmn/forms/bet-task.html";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().name(NAME).enableDuplicateFiltering(false)
                .addClasspathResource(PROCESS_RESOURCE).addClasspathResource(FORM_RESOURCE).deploy();
    }
}
