package io.tandem.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.operaton.bpm.engine.RepositoryService;

/**
 * The engine's floor: bet-lifecycle.bpmn with every Tandem listener and expression taken out (stage tracking, gate
 * rounds, gate, work-step and task rules, stall escalation; timers get fixed durations; sign-offs wait on the role's
 * group instead of the bet's named lead), deployed next to the real process as
 * {@code bet-lifecycle-bare}. Same tasks, gateways, subprocesses, timers and history as the real process, but
 * nothing of Tandem runs in it.
 */
final class BareProcess {

    static final String KEY = "bet-lifecycle-bare";

    private BareProcess() {
    }

    static String xml() {
        try (InputStream in = BareProcess.class.getResourceAsStream("/bpmn/bet-lifecycle.bpmn")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String bare = xml
                    .replaceAll("<camunda:taskListener[^>]*/>", "")
                    .replaceAll("<camunda:executionListener[^>]*/>", "")
                    .replace("${betDurations.spikeTimebox(execution)}", "P5D")
                    .replace("${betDurations.measurementPeriod(execution)}", "P30D")
                    .replace("${betDurations.windowDeadline(execution)}", "2099-12-31T00:00:00")
                    .replace("${stallEscalation.threshold()}", "P3D")
                    .replace("${taskCandidates.groups(execution, 'product')}", "product")
                    .replace("${taskCandidates.groups(execution, 'engineering')}", "engineering")
                    .replace(" camunda:candidateUsers=\"${taskCandidates.users(execution)}\"", "")
                    .replace("id=\"bet-lifecycle\"", "id=\"" + KEY + "\"")
                    // a message start event's message is the engine's to route by name alone: one per deployed process
                    .replace("name=\"ClosedBetCorrectionProposed\"", "name=\"ClosedBetCorrectionProposed (benchmark floor)\"")
                    .replace("name=\"Bet lifecycle\"", "name=\"Bet lifecycle (benchmark floor, no Tandem listeners)\"");
            // anything left between ${ and } other than the process's own variables would call a Tandem bean
            if (bare.contains("Listener") || bare.replaceAll("\\$\\{(changesRequested|spikeNeeded|spikeVerdict == '[A-Z]+'|constraintTitle)}", "").contains("${")) {
                throw new IllegalStateException("The bare copy of the process still references Tandem beans");
            }
            return bare;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deploy(RepositoryService repository) {
        repository.createDeployment().name("tandem-benchmark-bare").enableDuplicateFiltering(true)
                .addString("bet-lifecycle-bare.bpmn", xml()).deploy();
    }
}
