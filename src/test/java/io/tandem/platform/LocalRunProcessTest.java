package io.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemApplication;
import io.tandem.support.GraphQlOverHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a person uses it, in a JVM of its own on the embedded default: Ctrl-C (SIGTERM) stops
 * it cleanly and quickly, and after the JVM is killed outright the next start comes up with what was acknowledged before.
 */
class LocalRunProcessTest {

    /** The bound is 10 s; this allows a loaded build machine twice that, and the test prints the figure. */
    private static final Duration CLEAN_STOP_LIMIT = Duration.ofSeconds(20);

    private static final Pattern GRAPHQL_URL = Pattern.compile("Tandem is up\\. GraphQL: (http://localhost:\\d+/graphql)");

    @TempDir
    Path dataDir;

    private Tandem running;

    @AfterEach
    void killLeftovers() {
        if (running != null) {
            running.process.destroyForcibly();
            running.process.onExit().join();
        }
    }

    @Test
    void sigtermStopsTheLocalRunCleanlyAndAKilledOneStartsAgainWithItsData() throws Exception {
        running = Tandem.start(dataDir);
        String betId = running.createBet("Acknowledged before the kill");

        long stopStarted = System.nanoTime();
        int linesBeforeStop = running.lines.size();
        // SIGTERM, as Ctrl-C or a container stop sends; Process.destroy() would also close the output being read
        running.process.toHandle().destroy();
        boolean exited = running.process.waitFor(CLEAN_STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        Duration stop = Duration.ofNanos(System.nanoTime() - stopStarted);
        System.out.printf("[local run] SIGTERM to exit: %d ms%n", stop.toMillis());
        assertThat(exited).as("stopped within %s", CLEAN_STOP_LIMIT).isTrue();
        running.drained.get(10, TimeUnit.SECONDS);
        List<String> shutdownLog = running.lines.subList(linesBeforeStop, running.lines.size());
        assertThat(shutdownLog).as("the log after SIGTERM").noneMatch(line -> line.contains(" ERROR ")
                || line.contains("Exception") || line.startsWith("\tat "));
        assertThat(String.join("\n", shutdownLog)).as(String.join("\n", running.lines)).contains("shut down postmaster");

        running = Tandem.start(dataDir);
        running.process.destroyForcibly();
        running.process.onExit().join();

        running = Tandem.start(dataDir);
        assertThat(running.betTitle(betId)).isEqualTo("Acknowledged before the kill");
        assertThat(String.join("\n", running.lines)).contains("that a Tandem which did not stop cleanly left running on");
    }

    private static final class Tandem {

        private final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final CompletableFuture<Void> drained = new CompletableFuture<>();
        private String graphql;

        private Tandem(Process process) {
            this.process = process;
        }

        static Tandem start(Path dataDir) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", ChildJvm.classPath(), TandemApplication.class.getName(),
                    "--tandem.data-dir=" + dataDir, "--server.port=0", "--management.server.port=0",
                    "--spring.main.banner-mode=off").redirectErrorStream(true).directory(dataDir.toFile());
            // the run as the README gives it: nothing from the environment of the build that runs this test
            builder.environment().keySet().removeIf(name -> name.startsWith("TANDEM_") || name.startsWith("SPRING_"));
            Tandem tandem = new Tandem(builder.start());
            CompletableFuture<String> up = new CompletableFuture<>();
            Thread reader = new Thread(() -> tandem.read(up), "local-run-output");
            reader.setDaemon(true);
            reader.start();
            tandem.graphql = up.get(3, TimeUnit.MINUTES);
            return tandem;
        }

        private void read(CompletableFuture<String> up) {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                    Matcher banner = GRAPHQL_URL.matcher(line);
                    if (banner.find()) {
                        up.complete(banner.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            up.completeExceptionally(new IllegalStateException("Tandem ended before it was up:\n" + String.join("\n", lines)));
            drained.complete(null);
        }

        String createBet(String title) throws Exception {
            String body = post("priya", "mutation { createBet(input: {title: \"" + title + "\"}) { bet { id } } }");
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
            assertThat(id.find()).as(body).isTrue();
            return id.group(1);
        }

        String betTitle(String betId) throws Exception {
            String body = post("erin", "{ bet(id: \"" + betId + "\") { title } }");
            Matcher title = Pattern.compile("\"title\":\"([^\"]+)\"").matcher(body);
            assertThat(title.find()).as(body).isTrue();
            return title.group(1);
        }

        private String post(String user, String query) throws Exception {
            HttpResponse<String> response = GraphQlOverHttp.post(URI.create(graphql), user,
                    HttpRequest.BodyPublishers.ofString(GraphQlOverHttp.request(query, Map.of())));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }
    }
}
