package io.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.operaton.bpm.BpmPlatform;
import org.operaton.bpm.admin.Admin;
import org.operaton.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.operaton.bpm.cockpit.Cockpit;
import org.operaton.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.operaton.bpm.container.RuntimeContainerDelegate;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.tasklist.Tasklist;
import org.operaton.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.operaton.bpm.welcome.Welcome;
import org.operaton.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;

/**
 * A person signed in to the engine's web apps, calling what the web apps call: the engine REST API under
 * /camunda/api/engine/engine/&lt;engine&gt; and the apps' own API under /camunda/api/admin. It behaves as a browser does:
 * cookies kept, the engine's CSRF token (XSRF-TOKEN cookie, X-XSRF-TOKEN header) sent back on every call.
 */
public final class WebAppSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEYCLOAK_LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final int port;
    private final String engine;
    private final LocalhostCookies cookies = new LocalhostCookies();
    private final HttpClient client;
    /** What the sign-in answered, for the demo login: the person and the web apps they may open. */
    private JsonNode signedIn;
    /** The demo login's status and body, for the message of a test that expected it to succeed. */
    private String loginAnswer = "";

    private WebAppSession(int port, String engine) {
        this.port = port;
        this.engine = engine;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The demo mode's login, as Tasklist's (or Cockpit's) login page does it; the answer is kept for {@link #signedIn()}. */
    public static WebAppSession demoLogin(int port, String user, String app) {
        WebAppSession session = new WebAppSession(port, "default");
        session.get("/camunda/app/tasklist/default/");
        HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded", "username=" + enc(user) + "&password=" + enc(user));
        session.signedIn = login.statusCode() == 200 ? read(login.body()) : null;
        session.loginAnswer = login.statusCode() + " " + login.body();
        // a new session after signing in: its CSRF token comes with the next read
        session.get("/camunda/api/admin/auth/user/default");
        return session;
    }

    /** Signs in as a browser does with Keycloak: Tasklist, Keycloak's login form, back to Tasklist with a session. */
    public static WebAppSession keycloakLogin(int port, String engine, String user) {
        WebAppSession session = new WebAppSession(port, engine);
        HttpResponse<String> login = session.get("/camunda/app/tasklist/");
        Matcher form = KEYCLOAK_LOGIN_FORM.matcher(login.body());
        assertThat(form.find()).as("Keycloak's login form").isTrue();
        HttpResponse<String> landed = session.exchange(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(user) + "&credentialId="))
                .build());
        assertThat(landed.uri().getPath()).startsWith("/camunda/app/tasklist");
        assertThat(landed.statusCode()).isEqualTo(200);
        // opening Tasklist on this engine is what signs the person in to it
        assertThat(session.get("/camunda/app/tasklist/" + engine + "/").statusCode()).isEqualTo(200);
        session.get("/camunda/api/admin/auth/user/" + engine);
        return session;
    }

    /**
     * Makes sure the web apps can serve this test application. They keep JVM-wide state (the BPM platform's registry of
     * engines, each app's runtime delegate) that the Operaton starter clears when any application in the JVM closes; the
     * tests start and close several in one JVM (a deployment runs one), so a test of the web apps puts back what a
     * closed one took away before it signs in.
     */
    public static void registerForTheWebApps(ProcessEngine engine) {
        if (BpmPlatform.getProcessEngineService().getProcessEngine(engine.getName()) == null) {
            RuntimeContainerDelegate.INSTANCE.get().registerProcessEngine(engine);
        }
        if (Admin.getRuntimeDelegate() == null) {
            Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
        }
        if (Cockpit.getRuntimeDelegate() == null) {
            Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
        }
        if (Tasklist.getRuntimeDelegate() == null) {
            Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
        }
        if (Welcome.getRuntimeDelegate() == null) {
            Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
        }
    }

    public JsonNode signedIn() {
        return signedIn;
    }

    public String loginAnswer() {
        return loginAnswer;
    }

    /** A call of the engine REST API, path below /camunda/api/engine/engine/&lt;engine&gt;. */
    public HttpResponse<String> engine(String method, String path, String json) {
        return send(method, "/camunda/api/engine/engine/" + engine + path, "application/json", json);
    }

    public JsonNode engineJson(String path) {
        HttpResponse<String> response = engine("GET", path, null);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return read(response.body());
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-XSRF-TOKEN", csrfToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return exchange(request.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String csrfToken() {
        return cookies.manager.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
}
