package io.tandem.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak server for the end-to-end tests: the distribution Maven unpacked (see pom.xml), started
 * in dev mode on free ports with the repository's realm imported. Keycloak 26 needs Java 21 or newer: set
 * KEYCLOAK_JAVA_HOME, or the first such JDK under /usr/lib/jvm is used. One server per test JVM.
 */
public final class KeycloakServer {

    public static final String REALM = "tandem";
    private static KeycloakServer instance;

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized KeycloakServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return issuer(REALM);
    }

    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    private static KeycloakServer start() {
        Path home = Path.of(required("keycloak.home"));
        Path realm = Path.of(required("keycloak.realm"));
        Path java = javaHome();
        try {
            deleteTree(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            Path log = home.resolve("tandem-test-keycloak.log");
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm",
                    "--hostname-strict=false", "--health-enabled=true")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", java.toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            // Quarkus resets thread locals reflectively on Java 24+
            builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            KeycloakServer server = new KeycloakServer(builder.start(), port);
            server.awaitRealm(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    private void awaitRealm(Path log) {
        HttpClient http = HttpClient.newHttpClient();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within 4 minutes; see " + log);
    }

    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** KEYCLOAK_JAVA_HOME, else the newest JDK 21+ under /usr/lib/jvm; a clear failure when there is none. */
    static Path javaHome() {
        String configured = Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).orElse(System.getProperty("keycloak.java.home"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        File[] jvms = new File("/usr/lib/jvm").listFiles();
        List<Path> candidates = jvms == null ? List.of() : Stream.of(jvms).map(File::toPath)
                .filter(p -> Files.isExecutable(p.resolve("bin/java")) && feature(p) >= 21)
                .sorted(Comparator.comparingInt(KeycloakServer::feature).reversed()).toList();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("Keycloak 26 needs Java 21 or newer and none was found: install one "
                    + "under /usr/lib/jvm or set KEYCLOAK_JAVA_HOME to its home");
        }
        return candidates.get(0);
    }

    private static int feature(Path javaHome) {
        try {
            Path release = javaHome.resolve("release");
            if (Files.exists(release)) {
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=")) {
                        String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                        return Integer.parseInt(version.split("[.+-]")[0]);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
