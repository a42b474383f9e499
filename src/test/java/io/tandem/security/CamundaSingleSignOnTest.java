package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.graphql.GlobalId;
import io.tandem.support.KeycloakServer;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Camunda's web apps sign people in through Keycloak (no password of their own), and a gate task completed
 * through them, as Tasklist does, obeys the same rules as GraphQL.
 */
class CamundaSingleSignOnTest extends KeycloakTestBase {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tasklistSendsAnonymousVisitorsToKeycloak() throws Exception {
        HttpResponse<String> response = browser().send(get("/camunda/app/tasklist/"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.uri().toString()).startsWith(KeycloakServer.get().issuer() + "/protocol/openid-connect/auth");
        assertThat(response.body()).contains("kc-form-login");
    }

    @Test
    void signedInProductUserIsCamundasUserWithTheirRolesAsGroups() throws Exception {
        Browser priya = signIn("priya");
        // opening Tasklist on this engine is what signs the person in to it (other tests' engines share this JVM)
        assertThat(priya.get("/camunda/app/tasklist/" + ENGINE + "/").statusCode()).isEqualTo(200);
        JsonNode user = JSON.readTree(priya.get("/camunda/api/admin/auth/user/" + ENGINE).body());
        assertThat(user.path("userId").asText()).isEqualTo("priya");
        assertThat(priya.get("/camunda/app/cockpit/").statusCode()).isEqualTo(403);
    }

    @Test
    void gateTaskCompletedThroughTheWebAppObeysTheGateRules() throws Exception {
        String token = keycloak.passwordToken("tandem", WEB, "priya");
        String bet = framingGateOpen(token);
        Browser priya = signIn("priya");

        String engineeringTask = taskId(priya, bet, "task_sign_framing_engineering");
        HttpResponse<String> refused = priya.post("/camunda/api/engine/engine/" + ENGINE + "/task/" + engineeringTask + "/complete",
                "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}}}");
        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(refused.body()).contains("needs the engineering role");

        String productTask = taskId(priya, bet, "task_sign_framing_product");
        assertThat(priya.post("/camunda/api/engine/engine/" + ENGINE + "/task/" + productTask + "/complete",
                "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}}}").statusCode()).isEqualTo(204);
        JsonNode waiting = body(token, "{ bet(id: \"" + bet + "\") { waitingOn { step } latestDecision { kind } } }")
                .path("data").path("bet");
        assertThat(waiting.path("waitingOn").toString()).isEqualTo("[{\"step\":\"task_sign_framing_engineering\"}]");
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

    private String taskId(Browser browser, String bet, String step) throws Exception {
        String uuid = GlobalId.find("Bet", bet).orElseThrow().toString();
        HttpResponse<String> response = browser.get("/camunda/api/engine/engine/" + ENGINE + "/task?processInstanceBusinessKey="
                + uuid + "&taskDefinitionKey=" + step);
        JsonNode tasks = JSON.readTree(response.body());
        assertThat(tasks).as(response.statusCode() + " " + response.uri() + " " + response.headers().map()).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    /** Signs in the way a browser does: Tasklist → Keycloak's login form → back to Tasklist with a session. */
    private Browser signIn(String user) throws Exception {
        Browser browser = new Browser(browser());
        HttpResponse<String> login = browser.client.send(get("/camunda/app/tasklist/"), HttpResponse.BodyHandlers.ofString());
        Matcher form = LOGIN_FORM.matcher(login.body());
        assertThat(form.find()).as("Keycloak's login form").isTrue();
        String action = form.group(1).replace("&amp;", "&");
        HttpResponse<String> landed = browser.client.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(user) + "&credentialId="))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(landed.uri().getPath()).startsWith("/camunda/app/tasklist");
        assertThat(landed.statusCode()).isEqualTo(200);
        return browser;
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new LocalhostCookies()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Browsers treat http://localhost as a secure context and send it cookies marked Secure, as Keycloak's
     * login cookies are; Java's CookieManager would not, so this one drops the flag like a browser would here.
     */
    private static final class LocalhostCookies extends CookieHandler {
        final CookieManager manager = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return manager.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> browserLike = new HashMap<>();
            headers.forEach((name, values) -> browserLike.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(cookie -> cookie.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            manager.put(uri, browserLike);
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A signed-in browser session; sends Camunda's CSRF token back as its web apps do. */
    private final class Browser {
        final HttpClient client;

        Browser(HttpClient client) {
            this.client = client;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(CamundaSingleSignOnTest.this.get(path), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private String csrfToken() {
            return ((LocalhostCookies) client.cookieHandler().orElseThrow()).manager.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
        }
    }
}
