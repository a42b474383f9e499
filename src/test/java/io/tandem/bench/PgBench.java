package io.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The machine's limits, measured on the same PostgreSQL server as Tandem: pgbench's built-in select-only and
 * tpcb-like scripts, in a database of their own ({@code pgbench}, scale 10), with the same number of clients.
 * Per-transaction logs (-l) give the latency percentiles.
 */
public final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private final String binary;
    private final int port;
    private final Path workDir;

    public PgBench(String binary, int port, Path workDir) {
        this.binary = binary;
        this.port = port;
        this.workDir = workDir;
    }

    public boolean available() {
        return Files.isExecutable(Path.of(binary));
    }

    public String version() {
        return run(List.of(binary, "--version"), 30).trim();
    }

    /** Creates and initialises the pgbench database once; a reused data directory keeps it. */
    public void prepare(int scale) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = 'pgbench'")) {
                if (!rs.next()) {
                    s.execute("create database pgbench");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the pgbench database", e);
        }
        boolean initialised;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/pgbench", "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from pg_tables where tablename = 'pgbench_branches'")) {
            rs.next();
            initialised = rs.getInt(1) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (!initialised) {
            System.out.println("[pgbench] initialising scale " + scale);
            run(List.of(binary, "-i", "-q", "-s", String.valueOf(scale), "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "pgbench"), 600);
        }
    }

    /** One pgbench run: {@code -S} (select-only) or the default tpcb-like script. */
    public LoadRunner.Measured run(String name, boolean selectOnly, int clients, int seconds) {
        try {
            Path dir = Files.createDirectories(workDir.resolve("pgbench-" + System.nanoTime()));
            List<String> command = new ArrayList<>(List.of(binary, "-n", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres",
                    "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds),
                    "-l", "--log-prefix=" + dir.resolve("tx")));
            if (selectOnly) {
                command.add("-S");
            }
            command.add("pgbench");
            LoadRunner.awaitQuiet();
            String loadBefore = LoadRunner.loadAverage();
            String out = run(command, seconds + 120);
            Matcher m = TPS.matcher(out);
            double tps = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
            Histogram h = new Histogram(3_600_000_000L, 3);
            try (Stream<Path> logs = Files.list(dir)) {
                for (Path log : logs.toList()) {
                    try (Stream<String> lines = Files.lines(log)) {
                        lines.forEach(line -> {
                            String[] f = line.split(" ");
                            if (f.length >= 3) {
                                h.recordValue(Long.parseLong(f[2]));
                            }
                        });
                    }
                }
            }
            deleteTree(dir);
            LoadRunner.Measured measured = new LoadRunner.Measured(name, clients, seconds, h.getTotalCount(), 0, h.getTotalCount(), tps, tps,
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3, h.getValueAtPercentile(99) / 1e3,
                    h.getMaxValue() / 1e3, h.getMean() / 1e3, null, loadBefore + " → " + LoadRunner.loadAverage());
            System.out.printf("[bench] %-28s clients=%-3d %8.1f tps    p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms%n",
                    name, clients, tps, measured.p50(), measured.p95(), measured.p99());
            return measured;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " timed out");
            }
            String text = new String(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
