package io.tandem.bench;

import io.tandem.lifecycle.BetLifecycle;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostGraphile 4 on the benchmark database, the peer the page scenario is compared with: installed with npm into the
 * run's output folder (nothing is downloaded when it is there already), given the schema "peer" of
 * bench/postgraphile-peer.sql, and started as its own Node.js process (one worker per core, as a deployment of it
 * would run on this machine) on a free port. Stopped with the bench.
 */
final class PostGraphilePeer implements AutoCloseable {

    static final String VERSION = "4.14.1";

    /** The page the Tandem scenario reads, asked of PostGraphile: same bets, same fields, same keyset order (newest first). */
    static final String BET_PAGE = """
            query betPage($first: Int, $after: Cursor) {
              bets: allBets(first: $first, after: $after, orderBy: [CREATED_AT_DESC, ID_DESC]) {
                pageInfo { hasNextPage endCursor }
                edges {
                  cursor
                  node {
                    id key title stage outcome team updatedAt
                    brief { revision problem successMetrics }
                    latestDecision { sequence kind recordedAt }
                    latestSignersList { name role }
                    constraintsList { title acknowledged }
                    waitingOnList { step role }
                  }
                }
              }
            }""";

    private final Process process;
    private final int port;

    private PostGraphilePeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether node and npm are on the PATH; without them the comparison is skipped with a note. */
    static boolean available() {
        return run(List.of("node", "--version"), null, Duration.ofSeconds(20)) == 0
                && run(List.of("npm", "--version"), null, Duration.ofSeconds(20)) == 0;
    }

    static PostGraphilePeer start(int postgresPort, Path out, int workers) throws Exception {
        Path home = out.resolve("postgraphile");
        Path cli = home.resolve("node_modules/postgraphile/cli.js");
        if (!Files.exists(cli)) {
            Files.createDirectories(home);
            if (run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toString(), "postgraphile@" + VERSION),
                    home, Duration.ofMinutes(5)) != 0) {
                throw new IllegalStateException("npm install postgraphile@" + VERSION + " failed: see " + home.resolve("npm.log"));
            }
        }
        String jdbc = "jdbc:postgresql://localhost:" + postgresPort + "/tandem";
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(new String(PostGraphilePeer.class.getResourceAsStream("/bench/postgraphile-peer.sql").readAllBytes(),
                    StandardCharsets.UTF_8));
            try (PreparedStatement insert = c.prepareStatement("insert into peer.step_role values (?, ?)")) {
                for (BetLifecycle.SignStep step : BetLifecycle.SIGN_STEPS) {
                    insert.setString(1, step.taskKey());
                    insert.setString(2, step.role().name());
                    insert.addBatch();
                }
                for (BetLifecycle.WorkStep step : BetLifecycle.WORK_STEPS) {
                    insert.setString(1, step.taskKey());
                    insert.setString(2, step.role().name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("analyze");
        }
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("node", cli.toString(),
                "--connection", "postgres://postgres@localhost:" + postgresPort + "/tandem", "--schema", "peer",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--disable-default-mutations",
                "--simple-collections", "both", "--no-setof-functions-contain-nulls", "--disable-query-log",
                "--max-pool-size", "10"));
        if (workers > 1) {
            command.addAll(List.of("--cluster-workers", String.valueOf(workers)));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("postgraphile.log").toFile()).start();
        PostGraphilePeer peer = new PostGraphilePeer(process, port);
        peer.awaitReady(Duration.ofSeconds(90), home.resolve("postgraphile.log"));
        return peer;
    }

    GraphQlHttp http() {
        return new GraphQlHttp(URI.create("http://127.0.0.1:" + port + "/graphql"));
    }

    private void awaitReady(Duration timeout, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostGraphile exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/graphql").toURL()
                        .openConnection();
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.getOutputStream().write("{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8));
                if (connection.getResponseCode() == 200) {
                    try (InputStream in = connection.getInputStream()) {
                        in.readAllBytes();
                    }
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("PostGraphile did not answer within " + timeout + ": " + Files.readString(log));
    }

    /** Runs a command to its end; its output goes to {@code dir}/npm.log, or nowhere when {@code dir} is null. */
    private static int run(List<String> command, Path dir, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir == null) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            } else {
                builder.directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("npm.log").toFile()));
            }
            Process p = builder.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
