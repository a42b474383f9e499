package io.tandem.operations;

import static org.awaitility.Awaitility.await;

import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** What the tests of broken workflows share: the engine's services to break a bet's workflow with, and the operator's view. */
abstract class BrokenWorkflowTestBase extends GraphQlTestBase {

    @Autowired
    protected RuntimeService runtimeService;

    @Autowired
    protected ManagementService managementService;

    @LocalManagementPort
    private int managementPort;

    protected OperatorView operator;

    @BeforeEach
    void operator() {
        operator = new OperatorView(this::as, managementPort);
    }

    protected ProcessInstance processOf(String bet) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(GlobalId.find("Bet", bet).orElseThrow().toString()).singleResult();
    }

    protected void awaitGauge(String problem, double value) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> operator.gauge(problem) == value);
    }
}
