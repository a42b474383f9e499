package io.tandem.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code postmaster.pid} in the local data folder, as a crash leaves it. Its first line is the process id of the server
 * that wrote it:
 * <ul>
 *   <li>a PostgreSQL still running on this very folder was left behind by a Tandem that was killed (the server runs in
 *   a session of its own and outlives the JVM): it is stopped, as a clean stop would have;</li>
 *   <li>a process id nobody runs any more (PostgreSQL itself was killed): the file stays, and PostgreSQL clears it after
 *   checking that no process of the old server still holds its shared memory;</li>
 *   <li>a process id now used by something else, after a reboot: not a server on this folder, so the file is stale and
 *   is removed; that process, whatever it is, is never signalled.</li>
 * </ul>
 * Only called while this process holds the folder's lock, so the server found is never another running Tandem's.
 */
final class PostmasterPidFile {

    private static final Logger log = LoggerFactory.getLogger(PostmasterPidFile.class);

    private static final long STOP_WAIT_SECONDS = 60;

    private final Path pgData;
    private final Path file;

    private PostmasterPidFile(Path pgData) {
        this.pgData = pgData;
        this.file = pgData.resolve("postmaster.pid");
    }

    static PostmasterPidFile in(Path pgData) {
        return new PostmasterPidFile(pgData);
    }

    void clearLeftovers() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
        if (pid.isEmpty()) {
            log.info("Removing an unreadable {} (a server that crashed while starting wrote it)", file);
            Files.delete(file);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("{} names process {}, which no longer runs; PostgreSQL recovers from the crash", file, pid.get());
            return;
        }
        if (runsOnThisFolder(process.get())) {
            stop(process.get());
        } else {
            log.info("Removing a stale {}: process {} is not a PostgreSQL on this folder (the machine restarted)", file, pid.get());
            Files.delete(file);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A postgres executable started on this data folder. Where the platform does not tell a process's arguments
     * (Windows), a postgres executable under the id its own pid file names is taken to be it.
     */
    private boolean runsOnThisFolder(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(Path::of).map(Path::getFileName).map(Path::toString)
                .map(name -> name.equals("postgres") || name.equals("postgres.exe")).orElse(false);
        if (!postgres) {
            return false;
        }
        return info.arguments().map(arguments -> List.of(arguments).stream().anyMatch(this::isThisFolder)).orElse(true);
    }

    private boolean isThisFolder(String argument) {
        try {
            return Path.of(argument).toAbsolutePath().normalize().equals(pgData);
        } catch (RuntimeException notAPath) {
            return false;
        }
    }

    /**
     * SIGTERM, PostgreSQL's smart shutdown: it ends once its sessions have, and the killed JVM's sessions ended with it.
     * (pg_ctl refuses to run as root, which the server's own start works around; a signal needs no such care.) Done
     * when the server has removed its pid file or exited.
     */
    private void stop(ProcessHandle server) throws IOException {
        log.warn("Stopping the PostgreSQL (process {}) that a Tandem which did not stop cleanly left running on {}", server.pid(), pgData);
        server.destroy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (server.isAlive() && Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new LocalDatabaseException("The PostgreSQL left running on " + pgData + " (process " + server.pid()
                        + ") did not stop within " + STOP_WAIT_SECONDS + " s; stop it, then start Tandem again.");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalDatabaseException("Interrupted while stopping the PostgreSQL left running on " + pgData);
            }
        }
    }
}
