package io.tandem.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import io.tandem.graphql.GlobalId;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the HTTP GraphQL tests: one tester per demo user (HTTP Basic, as the local profile serves),
 * and a driver that takes bets through the lifecycle the way clients do.
 *
 * Demo users: priya, paul (product); erin, ethan (engineering); sam (product and engineering);
 * lena (leadership); ivan (integration); ada (admin).
 */
@TandemTest
public abstract class GraphQlTestBase {

    /** The port the application under test listens on. */
    @LocalServerPort
    protected int port;

    protected BetDriver driver;

    @Autowired
    private IdentityService engineIdentity;
    @Autowired
    private TaskService engineTasks;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @BeforeEach
    protected void createDriver() {
        driver = new BetDriver(this::as);
    }

    protected HttpGraphQlTester as(String user) {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeaders(headers -> headers.setBasicAuth(user, user))
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        return HttpGraphQlTester.create(client);
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    protected static Map<String, Object> input(Object... keyValues) {
        return BetDriver.map(keyValues);
    }

    /** The bet's open workflow task of this step, as the engine (Tasklist's door) has it; null when there is none. */
    protected Task engineTask(String betId, String step) {
        return engineTasks.createTaskQuery().processInstanceBusinessKey(GlobalId.require("Bet", betId, "betId").toString())
                .taskDefinitionKey(step).singleResult();
    }

    /** The user ids the engine offers the bet's open task of this step to (its candidate users). */
    protected List<String> candidateUsers(String betId, String step) {
        return engineTasks.getIdentityLinksForTask(engineTask(betId, step).getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).toList();
    }

    /** What a person does in Tasklist to approve a sign-off: claim it, then complete it with answer APPROVE. */
    protected void approveInTasklist(String user, String group, String taskId) {
        asTasklistUser(user, group, () -> {
            engineTasks.claim(taskId, user);
            engineTasks.complete(taskId, Map.of("answer", "APPROVE"));
            return null;
        });
    }

    /** What Tasklist does for a signed-in person: set the engine's authentication around the call. */
    protected <T> T asTasklistUser(String user, String group, Supplier<T> work) {
        engineIdentity.setAuthentication(user, List.of(group));
        try {
            return work.get();
        } finally {
            engineIdentity.clearAuthentication();
        }
    }
}
