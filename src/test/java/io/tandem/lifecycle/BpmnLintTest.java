package io.tandem.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bpmn/bet-lifecycle.bpmn passes bpmnlint with the repository's .bpmnlintrc (bpmnlint's recommended rules): the tool
 * is pinned in src/test/bpmnlint (package.json and package-lock.json), installed there with npm ci when its
 * node_modules is missing, and run with the repository root as working directory. No Spring, no engine: Node.js and
 * npm on the PATH.
 */
class BpmnLintTest {

    private static final String MODEL = "bpmn/bet-lifecycle.bpmn";
    private static final String CONFIG = ".bpmnlintrc";
    private static final Path TOOL = Path.of("src", "test", "bpmnlint");
    private static final boolean WINDOWS = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");

    @Test
    void theModelPassesTheRecommendedRules() {
        Path root = repositoryRoot();
        Path tool = root.resolve(TOOL);
        Path cli = tool.resolve(Path.of("node_modules", "bpmnlint", "bin", "bpmnlint.js"));
        if (!Files.isRegularFile(cli)) {
            Result install = run(tool, 5, WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exitCode()).as("npm ci in %s failed:%n%s", tool, install.output()).isZero();
            assertThat(cli).as("npm ci in %s did not install bpmnlint", tool).isRegularFile();
        }

        Result lint = run(root, 1, "node", cli.toString(), "--config", CONFIG, MODEL);

        assertThat(lint.exitCode()).as("bpmnlint --config %s %s reports problems:%n%s", CONFIG, MODEL, lint.output())
                .isZero();
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a command in a directory, its output and errors in one text; fails on a missing program or a timeout. */
    private static Result run(Path directory, long timeoutMinutes, String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("Cannot run '" + command[0] + "' (" + e.getMessage() + "): BpmnLintTest needs Node.js (20 or "
                    + "newer) and npm on the PATH to run bpmnlint from " + TOOL, e);
        }
        try {
            process.getOutputStream().close();
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    process.inputReader(StandardCharsets.UTF_8).lines().forEach(line -> {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    });
                } catch (UncheckedIOException ignored) {
                    // the process was destroyed after a timeout
                }
            }, "bpmnlint-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                reader.join(TimeUnit.SECONDS.toMillis(10));
                synchronized (lines) {
                    return fail(String.join(" ", command) + " in " + directory + " did not finish within "
                            + timeoutMinutes + " minute(s):\n" + String.join("\n", lines));
                }
            }
            reader.join();
            synchronized (lines) {
                return new Result(process.exitValue(), String.join("\n", lines));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return fail("Interrupted while running " + String.join(" ", command), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder holding the model and the lint configuration: the working directory or one of its parents. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MODEL)) && Files.isRegularFile(dir.resolve(CONFIG))) {
                return dir;
            }
        }
        return fail("No " + MODEL + " with a " + CONFIG + " beside it in " + Path.of("").toAbsolutePath()
                + " or its parents");
    }
}
