package io.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The local database comes up again after whatever stopped it: a killed JVM (its PostgreSQL outlives it), a killed
 * PostgreSQL, both, or a reboot that left a {@code postmaster.pid} naming a process id something else now uses; and what
 * was written before the crash is there. It never stops a server that is not its own, and a folder of another
 * PostgreSQL major version gets a message saying what to do.
 */
class LocalDatabaseRecoveryTest {

    private static final int POSTGRES_MAJOR = postgresMajor();

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    enum Crash { JVM, POSTGRES, BOTH }

    @ParameterizedTest
    @EnumSource(Crash.class)
    void startsAgainAfterACrashWithEverythingWrittenBeforeIt(Crash crash) throws Exception {
        Process tandem = crashingTandem("before the crash");
        long postmaster = postmasterPid(dataDir);
        ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
        switch (crash) {
            case JVM -> kill(tandem.toHandle());
            case POSTGRES -> {
                kill(server);
                tandem.destroy();
                tandem.waitFor(30, TimeUnit.SECONDS);
            }
            case BOTH -> {
                kill(server);
                kill(tandem.toHandle());
            }
        }
        if (crash == Crash.JVM) {
            assertThat(server.isAlive()).as("the server outlives its JVM").isTrue();
        }

        LocalDatabase again = start(dataDir);

        assertThat(postmasterPid(dataDir)).isNotEqualTo(postmaster);
        assertThat(server.info().command()).as("the old server is gone").isEmpty();
        assertThat(keptValues(again)).containsExactly("before the crash");
    }

    @Test
    void startsAgainAfterARebootLeftAPidFileNamingAnotherPostgres() throws Exception {
        // after a reboot the id in the file may belong to anything: here, another PostgreSQL on a folder of its own
        LocalDatabase someoneElse = start(otherDataDir);
        long theirPid = postmasterPid(otherDataDir);
        stopCleanlyLeavingAPidFileNaming(theirPid, "before the reboot");

        LocalDatabase again = start(dataDir);

        assertThat(keptValues(again)).containsExactly("before the reboot");
        assertThat(ProcessHandle.of(theirPid).map(ProcessHandle::isAlive)).contains(true);
        write(someoneElse, "still answering");
        assertThat(keptValues(someoneElse)).containsExactly("still answering");
    }

    @Test
    void startsAgainAfterARebootLeftAPidFileNamingSomeOtherProcess() throws Exception {
        stopCleanlyLeavingAPidFileNaming(ProcessHandle.current().pid(), "before the reboot");

        assertThat(keptValues(start(dataDir))).containsExactly("before the reboot");
    }

    @Test
    void aSecondTandemOnTheSameFolderIsRefusedAndTheFirstKeepsRunning() throws Exception {
        LocalDatabase running = start(dataDir);

        assertThatThrownBy(() -> LocalDatabase.start(dataDir, POSTGRES_MAJOR))
                .isInstanceOf(LocalDatabaseException.class)
                .hasMessage("Another Tandem is already running on " + running.dataFolder()
                        + ". Stop it first, or give this one a folder of its own with TANDEM_DATA_DIR.");
        write(running, "still answering");
        assertThat(keptValues(running)).containsExactly("still answering");
    }

    @Test
    void aFolderOfAnotherMajorVersionIsRefusedWithWhatToDo() throws Exception {
        LocalDatabase.start(dataDir, POSTGRES_MAJOR).close();
        Path pgData = dataDir.resolve("pgdata").toAbsolutePath();
        Files.writeString(pgData.resolve("PG_VERSION"), (POSTGRES_MAJOR - 1) + "\n");

        assertThatThrownBy(() -> LocalDatabase.start(dataDir, POSTGRES_MAJOR))
                .isInstanceOf(LocalDatabaseException.class)
                .hasMessage("The data in " + pgData + " was made by PostgreSQL " + (POSTGRES_MAJOR - 1) + ", and this Tandem"
                        + " runs PostgreSQL " + POSTGRES_MAJOR + ", which cannot read it. To keep the data, dump it with"
                        + " PostgreSQL " + (POSTGRES_MAJOR - 1) + " (pg_dumpall) and load it into a server Tandem uses through"
                        + " TANDEM_DB_URL; to start empty, move the folder away.");
        assertThat(pgData.resolve("postmaster.pid")).doesNotExist();
    }

    /** Writes a row, stops the server cleanly, then puts back its pid file with another process's id, as a reboot may. */
    private void stopCleanlyLeavingAPidFileNaming(long pid, String value) throws Exception {
        LocalDatabase first = LocalDatabase.start(dataDir, POSTGRES_MAJOR);
        write(first, value);
        List<String> pidFile = Files.readAllLines(first.dataFolder().resolve("postmaster.pid"));
        first.close();
        pidFile.set(0, Long.toString(pid));
        Files.write(dataDir.resolve("pgdata/postmaster.pid"), pidFile);
    }

    private LocalDatabase start(Path folder) throws IOException {
        LocalDatabase database = LocalDatabase.start(folder, POSTGRES_MAJOR);
        toClose.add(0, database);
        return database;
    }

    private Process crashingTandem(String value) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ChildJvm.classPath(), CrashingLocalDatabase.class.getName(),
                dataDir.toString(), Integer.toString(POSTGRES_MAJOR), value).redirectErrorStream(true).start();
        toClose.add(() -> kill(process.toHandle()));
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals("written")) {
                // the JVM goes on logging nothing; its output is left unread
                return process;
            }
            lines.add(line);
        }
        throw new IllegalStateException("The JVM ended before writing: " + String.join("\n", lines));
    }

    private static void kill(ProcessHandle process) {
        process.destroyForcibly();
        process.onExit().join();
    }

    private static long postmasterPid(Path folder) throws IOException {
        return Long.parseLong(Files.readAllLines(folder.resolve("pgdata/postmaster.pid")).get(0).trim());
    }

    private static void write(LocalDatabase database, String value) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists kept (value text)");
            statement.execute("insert into kept values ('" + value + "')");
        }
    }

    private static List<String> keptValues(LocalDatabase database) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select value from kept")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The major version of the binaries on the classpath, as the build wrote it into application.yml. */
    static int postgresMajor() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String version = yaml.getObject().getProperty("tandem.local-database.postgres-version");
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }
}
