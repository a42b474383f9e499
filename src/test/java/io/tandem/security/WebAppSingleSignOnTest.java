package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.graphql.GlobalId;
import io.tandem.support.KeycloakServer;
import io.tandem.support.SideDoors;
import io.tandem.support.WebAppSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's web apps sign people in through Keycloak (no password of their own); a gate task completed through them,
 * as Tasklist does, obeys the same rules as GraphQL, and the engine API behind them lets nobody around those rules.
 */
class WebAppSingleSignOnTest extends KeycloakTestBase {

    @Autowired
    private ProcessEngine processEngine;

    @BeforeEach
    void webAppsFindThisEngine() {
        WebAppSession.registerForTheWebApps(processEngine);
    }


    @Test
    void tasklistSendsAnonymousVisitorsToKeycloak() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.uri().toString()).startsWith(KeycloakServer.get().issuer() + "/protocol/openid-connect/auth");
        assertThat(response.body()).contains("kc-form-login");
    }

    @Test
    void signedInProductUserIsTheEnginesUserWithTheirRolesAsGroupsAndTasklistOnly() {
        WebAppSession priya = WebAppSession.keycloakLogin(port, ENGINE, "priya");
        JsonNode user = WebAppSession.read(priya.get("/camunda/api/admin/auth/user/" + ENGINE).body());
        assertThat(user.path("userId").asText()).isEqualTo("priya");
        assertThat(apps(user)).containsExactlyInAnyOrder("tasklist", "welcome");
        assertThat(priya.get("/camunda/app/cockpit/").statusCode()).isEqualTo(403);
    }

    @Test
    void signedInAdminOpensCockpitAndAdmin() {
        WebAppSession ada = WebAppSession.keycloakLogin(port, ENGINE, "ada");
        assertThat(apps(WebAppSession.read(ada.get("/camunda/api/admin/auth/user/" + ENGINE).body())))
                .containsExactlyInAnyOrder("tasklist", "cockpit", "admin", "welcome");
        assertThat(ada.get("/camunda/app/cockpit/" + ENGINE + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void gateTaskCompletedThroughTheWebAppObeysTheGateRules() {
        String token = keycloak.passwordToken("tandem", WEB, "priya");
        String bet = framingGateOpen(token);
        WebAppSession priya = WebAppSession.keycloakLogin(port, ENGINE, "priya");

        JsonNode visible = priya.engineJson("/task?processInstanceBusinessKey=" + betKey(bet));
        assertThat(visible).as("only product's side waits on her").hasSize(1);
        assertThat(visible.get(0).path("taskDefinitionKey").asText()).isEqualTo("task_sign_framing_product");

        String productTask = visible.get(0).path("id").asText();
        HttpResponse<String> form = priya.get("/camunda/tandem/tasks/" + productTask + "/form");
        assertThat(form.statusCode()).as("Tasklist's form reads the task with the Keycloak session").isEqualTo(200);
        assertThat(WebAppSession.read(form.body()).path("inputs").path("answer").asBoolean()).isTrue();
        assertThat(priya.engine("POST", "/task/" + productTask + "/complete",
                "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}}}").statusCode()).isEqualTo(204);
        JsonNode waiting = body(token, "{ bet(id: \"" + bet + "\") { waitingOn { step } latestDecision { kind } } }")
                .path("data").path("bet");
        assertThat(waiting.path("waitingOn").toString()).isEqualTo("[{\"step\":\"task_sign_framing_engineering\"}]");
    }

    @Test
    void nobodySignedInThroughKeycloakMovesOrBreaksABetThroughTheEngineApi() {
        String token = keycloak.passwordToken("tandem", WEB, "priya");
        String bet = framingGateOpen(token);
        String before = state(token, bet);
        for (String user : List.of("priya", "ada")) {
            WebAppSession session = WebAppSession.keycloakLogin(port, ENGINE, user);
            JsonNode instance = session.engineJson("/process-instance?businessKey=" + betKey(bet)).get(0);
            String task = WebAppSession.read(session.engine("GET", "/task?processInstanceBusinessKey=" + betKey(bet)
                    + "&taskDefinitionKey=task_sign_framing_product", null).body()).get(0).path("id").asText();
            String job = session.engineJson("/job?processInstanceId=" + instance.path("id").asText()).get(0).path("id").asText();

            SoftAssertions refused = new SoftAssertions();
            for (SideDoors.Attempt attempt : SideDoors.against(user, instance.path("id").asText(),
                    instance.path("definitionId").asText(), task, job, betKey(bet))) {
                HttpResponse<String> response = session.send(attempt.method(), "/camunda/api/engine/engine/" + ENGINE + attempt.path(),
                        attempt.contentType(), attempt.body());
                refused.assertThat(response.statusCode()).as("%s may %s? %s", user, attempt.what(), response.body()).isIn(401, 403);
            }
            refused.assertAll();
        }
        assertThat(state(token, bet)).isEqualTo(before);
    }

    private String state(String token, String bet) {
        return body(token, "{ bet(id: \"" + bet + "\") { stage waitingOn { step } decisions(first: 100) { totalCount } } }").toString();
    }

    private String framingGateOpen(String productToken) {
        String erin = keycloak.passwordToken("tandem", WEB, "erin");
        String bet = body(productToken, "mutation { createBet(input: {title: \"Through Tasklist\"}) { bet { id } } }")
                .path("data").path("createBet").path("bet").path("id").asText();
        body(productToken, "mutation { reviseBrief(input: {betId: \"" + bet + "\", problem: \"Slow checkout\", customerSegment: \"SMB\", "
                + "whyThisBet: \"Money\", successMetrics: [{name: \"conversion\", target: 3}]}) { userErrors { code } } }");
        body(productToken, "mutation { submitBrief(input: {betId: \"" + bet + "\"}) { userErrors { code } } }");
        JsonNode submitted = body(erin, "mutation { submitConstraints(input: {betId: \"" + bet + "\"}) { bet { waitingOn { step } } userErrors { code } } }");
        assertThat(submitted.path("data").path("submitConstraints").path("bet").path("waitingOn").toString()).as(submitted.toString())
                .contains("task_sign_framing_product");
        return bet;
    }

    private static String betKey(String bet) {
        return GlobalId.find("Bet", bet).orElseThrow().toString();
    }

    private static List<String> apps(JsonNode user) {
        return StreamSupport.stream(user.path("authorizedApps").spliterator(), false).map(JsonNode::asText).toList();
    }
}
