package io.tandem.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of the local run, on a data folder kept across restarts. Before it starts the server it
 * takes the folder for this process (a second Tandem on the same folder is refused, and its server is left alone),
 * refuses a folder another PostgreSQL major version made, and clears what a crash left behind
 * ({@link PostmasterPidFile}). The server is as durable as a production one; it stops when {@link #close()} is called,
 * which Spring does after the engine and the connection pool have closed, never from a JVM hook of its own.
 */
public final class LocalDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDatabase.class);

    /** The server's superuser, which made the cluster: it sets up Tandem's two users ({@link EmbeddedDatabaseConfig}). */
    static final String SUPERUSER = "postgres";

    /** Crash recovery replays the write-ahead log before the server answers; that can take longer than a clean start. */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

    private final Path pgData;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private LocalDatabase(Path pgData, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.pgData = pgData;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts the server on {@code dataDir/pgdata}.
     *
     * @param postgresMajor the major version of the PostgreSQL binaries on the classpath
     */
    public static LocalDatabase start(Path dataDir, int postgresMajor) throws IOException {
        Path folder = dataDir.toAbsolutePath().normalize();
        Path pgData = folder.resolve("pgdata");
        Files.createDirectories(pgData);
        FileChannel lockChannel = FileChannel.open(folder.resolve("pgdata.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new LocalDatabaseException("Another Tandem is already running on " + pgData
                    + ". Stop it first, or give this one a folder of its own with TANDEM_DATA_DIR.");
        }
        try {
            refuseAnotherMajorVersion(pgData, postgresMajor);
            PostmasterPidFile.in(pgData).clearLeftovers();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // the library's defaults are for throwaway test databases (fsync and synchronous_commit off)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData);
            return new LocalDatabase(pgData, lockChannel, lock, postgres);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    private static void refuseAnotherMajorVersion(Path pgData, int postgresMajor) throws IOException {
        Path versionFile = pgData.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        String made = Files.readString(versionFile, StandardCharsets.US_ASCII).trim();
        if (!made.equals(Integer.toString(postgresMajor))) {
            throw new LocalDatabaseException("The data in " + pgData + " was made by PostgreSQL " + made
                    + ", and this Tandem runs PostgreSQL " + postgresMajor + ", which cannot read it. To keep the data, dump"
                    + " it with PostgreSQL " + made + " (pg_dumpall) and load it into a server Tandem uses through"
                    + " TANDEM_DB_URL; to start empty, move the folder away.");
        }
    }

    public Path dataFolder() {
        return pgData;
    }

    /** The URL of a database of the server, as its superuser. */
    public String jdbcUrl(String database) {
        return jdbcUrl(database, SUPERUSER);
    }

    /** The URL of a database of the server, as one of its users (the server trusts local connections: no password). */
    public String jdbcUrl(String database, String user) {
        return postgres.getJdbcUrl(user, database);
    }

    /** The server's own maintenance database, for creating Tandem's. */
    public DataSource maintenanceDatabase() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
