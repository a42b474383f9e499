package io.tandem.engineaccess;

import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.SideDoors;
import io.tandem.support.WebAppSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.authorization.Groups;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's web apps and the engine REST API behind them, signed in with the demo login as a person would: a product or
 * engineering person works the tasks they may act on and nothing else, an admin reads everything and may retry a failed
 * job (recorded on the bet), and nobody moves or breaks a bet around its gates.
 */
class WebAppDoorsTest extends GraphQlTestBase {

    @Autowired
    private ProcessEngine processEngine;

    @BeforeEach
    void webAppsFindThisEngine() {
        WebAppSession.registerForTheWebApps(processEngine);
    }

    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private AuthorizationService authorizationService;
    @Autowired
    private RepositoryService repositoryService;

    @Test
    void productAndEngineeringOpenTasklistOnlyAndAdminsEveryApp() {
        assertThat(apps(WebAppSession.demoLogin(port, "priya", "tasklist"))).containsExactlyInAnyOrder("tasklist", "welcome");
        assertThat(apps(WebAppSession.demoLogin(port, "erin", "tasklist"))).containsExactlyInAnyOrder("tasklist", "welcome");
        assertThat(apps(WebAppSession.demoLogin(port, "ada", "cockpit"))).containsExactlyInAnyOrder("tasklist", "cockpit", "admin", "welcome");
        assertThat(WebAppSession.demoLogin(port, "priya", "cockpit").signedIn()).as("product may not open Cockpit").isNull();
        assertThat(WebAppSession.demoLogin(port, "erin", "admin").signedIn()).as("engineering may not open Admin").isNull();
    }

    @Test
    void tasklistSpeaksOfTandemsEngineWithoutAnEndOfLifeBanner() {
        WebAppSession priya = WebAppSession.demoLogin(port, "priya", "tasklist");
        HttpResponse<String> texts = priya.get("/camunda/app/tasklist/locales/en.json");

        assertThat(texts.statusCode()).isEqualTo(200);
        assertThat(texts.body()).contains("\"TASKLIST_APP\"").doesNotContain("BANNER_CE_EOL").doesNotContain("Camunda 8");
    }

    @Test
    void leadershipOpensTasklistOnlyForItsCoSignaturesAndIntegrationNoWebApp() {
        assertThat(apps(WebAppSession.demoLogin(port, "lena", "tasklist"))).containsExactlyInAnyOrder("tasklist", "welcome");
        for (String app : List.of("cockpit", "admin")) {
            assertThat(WebAppSession.demoLogin(port, "lena", app).signedIn()).as("leadership signing in to %s", app).isNull();
        }
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            assertThat(WebAppSession.demoLogin(port, "ivan", app).signedIn()).as("integration signing in to %s", app).isNull();
        }
    }

    @Test
    void aProductPersonWorksTheirTaskInTasklistAndSeesTheBetsDiagramAndHistory() {
        String bet = driver.framingGateOpen();
        UUID id = GlobalId.require("Bet", bet, "betId");
        WebAppSession priya = WebAppSession.demoLogin(port, "priya", "tasklist");

        JsonNode visible = priya.engineJson("/task?processInstanceBusinessKey=" + id);
        assertThat(steps(visible)).as("only the tasks that wait on her").containsExactly(PRODUCT_FRAMING);
        String task = visible.get(0).path("id").asText();

        assertThat(priya.engine("POST", "/task/" + task + "/claim", "{\"userId\": \"priya\"}").statusCode()).isEqualTo(204);
        assertThat(holder(bet)).isEqualTo("priya");
        assertThat(priya.engine("POST", "/task/" + task + "/unclaim", null).statusCode()).isEqualTo(204);
        assertThat(holder(bet)).isNull();
        assertThat(priya.engine("POST", "/task/" + task + "/claim", "{\"userId\": \"priya\"}").statusCode()).isEqualTo(204);
        assertThat(priya.engine("POST", "/task/" + task + "/comment/create", "{\"message\": \"Paul knows this segment\"}").statusCode())
                .isEqualTo(200);
        assertThat(priya.engineJson("/task/" + task + "/comment").get(0).path("message").asText()).isEqualTo("Paul knows this segment");
        assertThat(priya.engine("POST", "/task/" + task + "/assignee", "{\"userId\": \"paul\"}").statusCode()).as("hand over")
                .isEqualTo(204);
        assertThat(holder(bet)).isEqualTo("paul");

        String definition = visible.get(0).path("processDefinitionId").asText();
        assertThat(priya.engineJson("/process-definition/" + definition + "/xml").path("bpmn20Xml").asText()).contains("bet-lifecycle");
        assertThat(priya.engineJson("/history/process-instance?processInstanceBusinessKey=" + id)).hasSize(1);
        assertThat(priya.engineJson("/history/activity-instance?processInstanceId=" + processOf(id).getId()).size()).isGreaterThan(3);
        assertThat(priya.engineJson("/process-definition?startableInTasklist=true&key=bet-lifecycle")).as("nothing to start").isEmpty();

        WebAppSession paul = WebAppSession.demoLogin(port, "paul", "tasklist");
        assertThat(paul.engine("POST", "/task/" + task + "/complete", "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}}}")
                .statusCode()).isEqualTo(204);
        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_FRAMING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"priya", "ada"})
    void nobodyMovesOrBreaksABetThroughTheEngineApi(String user) {
        String bet = driver.framingGateOpen();
        UUID id = GlobalId.require("Bet", bet, "betId");
        ProcessInstance process = processOf(id);
        Task task = taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(PRODUCT_FRAMING).singleResult();
        Job job = managementService.createJobQuery().processInstanceId(process.getId()).list().get(0);
        Map<String, Object> before = driver.state(bet);
        Map<String, Object> variables = runtimeService.getVariables(process.getId());
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long deployments = repositoryService.createDeploymentQuery().count();

        WebAppSession session = WebAppSession.demoLogin(port, user, "tasklist");
        assertThat(session.signedIn()).as("%s signed in: %s", user, session.loginAnswer()).isNotNull();
        SoftAssertions refused = new SoftAssertions();
        for (SideDoors.Attempt attempt : SideDoors.against(user, process.getId(), process.getProcessDefinitionId(), task.getId(), job.getId(),
                id.toString())) {
            HttpResponse<String> response = session.send(attempt.method(), "/camunda/api/engine/engine/default" + attempt.path(),
                    attempt.contentType(), attempt.body());
            refused.assertThat(response.statusCode()).as("%s may %s? %s", user, attempt.what(), response.body()).isIn(401, 403);
            refused.assertThat(response.body()).as("no stack trace").doesNotContain("\tat ");
        }
        refused.assertAll();

        assertThat(driver.state(bet)).isEqualTo(before);
        ProcessInstance after = processOf(id);
        assertThat(after.getId()).isEqualTo(process.getId());
        assertThat(after.isSuspended()).isFalse();
        assertThat(runtimeService.getVariables(process.getId())).isEqualTo(variables);
        Task taskAfter = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(taskAfter.getName()).isEqualTo(task.getName());
        assertThat(taskAfter.getPriority()).isEqualTo(task.getPriority());
        Job jobAfter = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(jobAfter.getDuedate()).isEqualTo(job.getDuedate());
        assertThat(jobAfter.getRetries()).isEqualTo(job.getRetries());
        assertThat(jobAfter.isSuspended()).isFalse();
        assertThat(taskService.createTaskQuery().taskId("side-door").count()).isZero();
        assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
        assertThat(identityService.createGroupQuery().groupId("sidedoor").count()).isZero();
        assertThat(identityService.createTenantQuery().tenantId("sidedoor").count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.OPERATON_ADMIN).list()).extracting(User::getId)
                .containsExactly("tandemsystem");
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void anAdminsRetryOfAFailedJobIsRecordedOnTheBetsDecisionLog() {
        String bet = driver.framingGateOpen();
        UUID id = GlobalId.require("Bet", bet, "betId");
        Job job = managementService.createJobQuery().processInstanceId(processOf(id).getId()).list().get(0);
        // the job executor's way of giving up on a job: no retries left, an incident opens
        managementService.setJobRetries(job.getId(), 0);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isEqualTo(1);
        List<String> before = driver.decisionKinds(bet);

        WebAppSession ada = WebAppSession.demoLogin(port, "ada", "cockpit");
        assertThat(ada.engine("PUT", "/job/" + job.getId() + "/retries", "{\"retries\": 1}").statusCode()).isEqualTo(204);

        assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
        List<String> after = new ArrayList<>(before);
        after.add("OPERATOR_INTERVENTION");
        assertThat(driver.decisionKinds(bet)).isEqualTo(after);
        @SuppressWarnings("unchecked")
        Map<String, Object> latest = (Map<String, Object>) driver.state(bet).get("latestDecision");
        assertThat(latest.get("kind")).isEqualTo("OPERATOR_INTERVENTION");
        assertThat((String) latest.get("rationale")).startsWith("The job had failed");
        assertThat(latest.get("signers")).isEqualTo(List.of(signer("ada")));
        assertThat(as("ada").document("{ verifyDecisionLog(betId: \"" + bet + "\") { valid } }").execute()
                .path("verifyDecisionLog.valid").entity(Boolean.class).get()).isTrue();
    }

    @Test
    void theSetupPageForAFirstAdministratorIsNeverOffered() {
        WebAppSession anonymous = WebAppSession.demoLogin(port, "nobody", "tasklist");
        HttpResponse<String> setup = anonymous.send("POST", "/camunda/api/admin/setup/default/user/create", "application/json",
                "{\"profile\": {\"id\": \"eve\", \"firstName\": \"Eve\", \"lastName\": \"Admin\"}, \"credentials\": {\"password\": \"eve-1\"}}");
        assertThat(setup.statusCode()).as(setup.body()).isIn(401, 403);
        assertThat(identityService.createUserQuery().userId("eve").count()).isZero();
    }

    private static Map<String, Object> signer(String userId) {
        Map<String, Object> signer = new HashMap<>();
        signer.put("userId", userId);
        signer.put("role", "admin");
        signer.put("answer", "APPROVE");
        signer.put("briefHash", null);
        // an admin signs for themself, never as anyone's stand-in
        signer.put("standingInFor", null);
        return signer;
    }

    private ProcessInstance processOf(UUID bet) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(bet.toString()).singleResult();
    }

    private String holder(String bet) {
        UUID id = GlobalId.require("Bet", bet, "betId");
        return taskService.createTaskQuery().processInstanceBusinessKey(id.toString()).taskDefinitionKey(PRODUCT_FRAMING)
                .singleResult().getAssignee();
    }

    private static List<String> steps(JsonNode tasks) {
        return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("taskDefinitionKey").asText()).sorted().toList();
    }

    private static List<String> apps(WebAppSession session) {
        assertThat(session.signedIn()).as("signed in: %s", session.loginAnswer()).isNotNull();
        return StreamSupport.stream(session.signedIn().path("authorizedApps").spliterator(), false).map(JsonNode::asText).toList();
    }
}
