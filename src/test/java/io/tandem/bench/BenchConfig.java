package io.tandem.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The knobs of a run, read from system properties (the Maven profile passes them through). */
public record BenchConfig(List<Long> sizes, Duration warmup, Duration measure, int clients, int pairs, int generatorThreads,
                          Path dataDir, Path out, String writes, Set<String> scenarios, String pgbench, int pgbenchScale,
                          Map<String, String> spring, String label, Duration timerWait, double quietLoad,
                          Duration quietWait, Duration jitWarmup) {

    public static BenchConfig fromSystemProperties() {
        return new BenchConfig(
                Arrays.stream(prop("bench.sizes", "1000,10000,100000").split(",")).map(String::trim).map(Long::parseLong).toList(),
                Duration.ofSeconds(Long.parseLong(prop("bench.warmup", "10"))),
                Duration.ofSeconds(Long.parseLong(prop("bench.seconds", "30"))),
                Integer.parseInt(prop("bench.clients", "16")),
                Integer.parseInt(prop("bench.pairs", "8")),
                Integer.parseInt(prop("bench.threads", "2")),
                Path.of(prop("bench.dataDir", ".tandem/bench")),
                Path.of(prop("bench.out", "target/bench")),
                prop("bench.writes", "all"),
                Set.of(prop("bench.scenarios", "pgbench,reads,peer,writes,auth").split(",")),
                prop("bench.pgbench", "/usr/bin/pgbench"),
                Integer.parseInt(prop("bench.pgbench.scale", "10")),
                springOverrides(prop("bench.spring", "")),
                prop("bench.label", "default settings"),
                Duration.ofSeconds(Long.parseLong(prop("bench.timerWait", "900"))),
                Double.parseDouble(prop("bench.quietLoad", "1000")),
                Duration.ofSeconds(Long.parseLong(prop("bench.quietWait", "0"))),
                Duration.ofSeconds(Long.parseLong(prop("bench.jitWarmup", "300"))));
    }

    /** {@code key=value;key=value}: Spring properties for a tuning experiment. */
    static Map<String, String> springOverrides(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return out;
    }

    boolean writesAt(long size) {
        return switch (writes) {
            case "none" -> false;
            case "first" -> size == sizes.get(0);
            case "last" -> size == sizes.get(sizes.size() - 1);
            default -> true;
        };
    }

    private static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }
}
