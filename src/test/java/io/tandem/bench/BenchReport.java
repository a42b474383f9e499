package io.tandem.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Everything one run measured, written as Markdown (report.md), JSON (results.json) and an SVG chart. */
public final class BenchReport {

    public static final String PAGE = "read: page of 50 bets";
    public static final String LOG = "read: decision log";
    public static final String TASKS = "read: myTasks";
    public static final String GRAPHQL = "write: lifecycle via GraphQL";
    public static final String ENGINE_RULES = "write: engine API + rules";
    public static final String ENGINE_ONLY = "write: engine API only";
    public static final String PG_SELECT = "pgbench select-only";
    public static final String PG_TPCB = "pgbench tpcb-like";

    public final Map<String, String> run = new LinkedHashMap<>();
    public final List<String> notes = new ArrayList<>();
    public final List<DataGenerator.Growth> growth = new ArrayList<>();
    public final List<LoadRunner.Measured> baselines = new ArrayList<>();
    public final Map<Long, List<LoadRunner.Measured>> reads = new TreeMap<>();
    public final Map<Long, Map<String, Long>> statements = new TreeMap<>();
    public final Map<Long, List<LoadRunner.Measured>> writes = new TreeMap<>();
    public final Map<String, Long> mutationStatements = new LinkedHashMap<>();
    public final Map<String, Long> engineStepStatements = new LinkedHashMap<>();
    public final List<LoadRunner.Measured> auth = new ArrayList<>();

    public LoadRunner.Measured read(long size, String name) {
        return find(reads.get(size), name);
    }

    public LoadRunner.Measured write(long size, String name) {
        return find(writes.get(size), name);
    }

    public LoadRunner.Measured baseline(String name) {
        return find(baselines, name);
    }

    private static LoadRunner.Measured find(List<LoadRunner.Measured> list, String name) {
        return list == null ? null : list.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), markdown());
        Files.writeString(dir.resolve("latency-vs-size.svg"), LatencyChart.svg(this));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("notes", notes);
        json.put("growth", growth);
        json.put("baselines", baselines);
        json.put("reads", reads);
        json.put("statements", statements);
        json.put("writes", writes);
        json.put("mutationStatements", mutationStatements);
        json.put("engineStepStatements", engineStepStatements);
        json.put("auth", auth);
        Files.writeString(dir.resolve("results.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Tandem benchmark run\n\n");
        run.forEach((k, v) -> md.append("- ").append(k).append(": `").append(v).append("`\n"));
        notes.forEach(n -> md.append("- note: ").append(n).append('\n'));
        if (!growth.isEmpty()) {
            md.append("\n## Data generation (through the services)\n\n| from | to | created | failures | seconds | bets/s | stages after |\n|---:|---:|---:|---:|---:|---:|---|\n");
            for (DataGenerator.Growth g : growth) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.0f | %.1f | %s |%n", g.from(), g.to(), g.created(), g.failures(),
                        g.seconds(), g.betsPerSecond(), g.stages()));
            }
        }
        md.append("\n## Baselines: pgbench on the same PostgreSQL\n\n");
        table(md, baselines, null);
        for (Map.Entry<Long, List<LoadRunner.Measured>> e : reads.entrySet()) {
            md.append("\n## Reads at ").append(e.getKey()).append(" bets\n\n");
            table(md, e.getValue(), statements.get(e.getKey()));
            LoadRunner.Measured page = read(e.getKey(), PAGE);
            LoadRunner.Measured select = baseline(PG_SELECT);
            if (page != null && select != null) {
                md.append(String.format(Locale.ROOT, "%nPage of 50 vs pgbench select-only: %.4f × the throughput, %.1f × the p50 latency "
                        + "(a page is one HTTP request of %s SQL statements).%n", page.requestsPerSecond() / select.requestsPerSecond(),
                        page.p50() / select.p50(), statements.getOrDefault(e.getKey(), Map.of()).get("bets(first: 50)")));
            }
        }
        if (!statements.isEmpty()) {
            md.append("\n## SQL statements per request\n\n| request | ");
            statements.keySet().forEach(s -> md.append(s).append(" bets | "));
            md.append("\n|---|");
            statements.keySet().forEach(s -> md.append("---:|"));
            md.append('\n');
            List<String> names = statements.values().iterator().next().keySet().stream().toList();
            for (String name : names) {
                md.append("| `").append(name).append("` | ");
                statements.values().forEach(m -> md.append(m.getOrDefault(name, -1L)).append(" | "));
                md.append('\n');
            }
        }
        if (!mutationStatements.isEmpty()) {
            md.append("\n## SQL statements per mutation (one lifecycle)\n\n| mutation | through GraphQL | same step, engine API + rules |\n|---|---:|---:|\n");
            mutationStatements.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" | ")
                    .append(engineStepStatements.getOrDefault(k, -1L)).append(" |\n"));
            md.append("| **total** | ").append(mutationStatements.values().stream().mapToLong(Long::longValue).sum()).append(" | ")
                    .append(engineStepStatements.values().stream().mapToLong(Long::longValue).sum()).append(" |\n");
        }
        for (Map.Entry<Long, List<LoadRunner.Measured>> e : writes.entrySet()) {
            md.append("\n## Writes at ").append(e.getKey()).append(" bets (lifecycle: 11 requests, 10 workflow transitions)\n\n");
            md.append("| scenario | pairs | lifecycles/s | transitions/s | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | load avg |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (LoadRunner.Measured m : e.getValue()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f | %.1f | %.2f | %.2f | %.2f | %.1f | %d | %s |%n", m.name(), m.clients(),
                        m.unitsPerSecond() / LifecycleScenarios.TRANSITIONS, m.unitsPerSecond(), m.requestsPerSecond(), m.p50(), m.p95(), m.p99(),
                        m.max(), m.errors(), m.loadAverage()));
            }
            ratios(md, e.getKey());
        }
        if (!auth.isEmpty()) {
            md.append("\n## Cost of the demo login (HTTP Basic, `{ viewer { id roles } }`)\n\n");
            table(md, auth, null);
        }
        md.append("\n## Targets\n\n").append(targets());
        return md.toString();
    }

    private void ratios(StringBuilder md, long size) {
        LoadRunner.Measured g = write(size, GRAPHQL);
        LoadRunner.Measured r = write(size, ENGINE_RULES);
        LoadRunner.Measured o = write(size, ENGINE_ONLY);
        LoadRunner.Measured tpcb = baseline(PG_TPCB);
        md.append('\n');
        if (g != null && r != null) {
            md.append(String.format(Locale.ROOT, "- GraphQL ÷ engine API with Tandem's rules: **%.2f** (workflow transitions per second)%n", g.unitsPerSecond() / r.unitsPerSecond()));
        }
        if (g != null && o != null) {
            md.append(String.format(Locale.ROOT, "- GraphQL ÷ engine API alone (listener-free BPMN): **%.2f**%n", g.unitsPerSecond() / o.unitsPerSecond()));
        }
        if (r != null && o != null) {
            md.append(String.format(Locale.ROOT, "- engine + rules ÷ engine alone: %.2f%n", r.unitsPerSecond() / o.unitsPerSecond()));
        }
        if (g != null && tpcb != null) {
            md.append(String.format(Locale.ROOT, "- GraphQL write transactions (one per request) ÷ pgbench tpcb-like transactions: %.3f%n",
                    g.requestsPerSecond() / tpcb.requestsPerSecond()));
        }
    }

    private static void table(StringBuilder md, List<LoadRunner.Measured> rows, Map<String, Long> sql) {
        md.append("| scenario | clients | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | SQL/request | load avg |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (LoadRunner.Measured m : rows) {
            String statements = "";
            if (sql != null) {
                statements = switch (m.name()) {
                    case PAGE -> String.valueOf(sql.get("bets(first: 50)"));
                    case LOG -> String.valueOf(sql.get("bet { decisions(first: 50) }"));
                    case TASKS -> String.valueOf(sql.get("myTasks(first: 50)"));
                    default -> m.name().startsWith(TASKS + " ")
                            ? String.valueOf(sql.get(m.name().substring("read: ".length()) + " (first: 50)")) : "";
                };
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.2f | %.1f | %d | %s | %s |%n", m.name(), m.clients(),
                    m.requestsPerSecond(), m.p50(), m.p95(), m.p99(), m.max(), m.errors(), statements, m.loadAverage()));
            if (m.firstError() != null) {
                md.append("\nfirst error of ").append(m.name()).append(": `").append(m.firstError().replace('|', '/').replace('\n', ' ')).append("`\n\n");
            }
        }
    }

    public String targets() {
        StringBuilder t = new StringBuilder();
        if (reads.isEmpty()) {
            return "no reads measured\n";
        }
        long smallest = reads.keySet().stream().min(Long::compare).orElseThrow();
        long largest = reads.keySet().stream().max(Long::compare).orElseThrow();
        LoadRunner.Measured page = read(largest, PAGE);
        if (page != null) {
            t.append(String.format(Locale.ROOT, "- page of 50 bets, p99 ≤ 50 ms at 16 clients at 100k bets: p99 = %.2f ms at %d clients, %d bets → %s%n",
                    page.p99(), page.clients(), largest, largest < 100_000 ? "not measured at 100k"
                            : page.p99() <= 50 && page.clients() >= 16 ? "**met**" : "**not met**"));
        }
        LoadRunner.Measured g = writes.isEmpty() ? null : write(writes.keySet().iterator().next(), GRAPHQL);
        LoadRunner.Measured r = writes.isEmpty() ? null : write(writes.keySet().iterator().next(), ENGINE_RULES);
        if (g != null && r != null) {
            double ratio = g.unitsPerSecond() / r.unitsPerSecond();
            t.append(String.format(Locale.ROOT, "- GraphQL transitions ≥ 70 %% of the engine API's (same process and rules): %.0f %% → %s%n",
                    100 * ratio, ratio >= 0.7 ? "**met**" : "**not met**"));
        }
        List<String> grown = new ArrayList<>(List.of(PAGE, LOG, TASKS));
        for (ReadScenarios.TaskView view : ReadScenarios.TaskView.values()) {
            grown.add(view.scenario);
            LoadRunner.Measured tasks = read(largest, view.scenario);
            if (tasks != null) {
                t.append(String.format(Locale.ROOT, "- %s, p50 ≤ 15 ms at 100k bets: p50 = %.2f ms at %d bets → %s%n", view.scenario,
                        tasks.p50(), largest, largest < 100_000 ? "not measured at 100k" : tasks.p50() <= 15 ? "**met**" : "**not met**"));
            }
        }
        for (String name : grown) {
            LoadRunner.Measured small = read(smallest, name);
            LoadRunner.Measured large = read(largest, name);
            if (small != null && large != null && smallest != largest) {
                double p50 = large.p50() / small.p50();
                double p99 = large.p99() / small.p99();
                t.append(String.format(Locale.ROOT, "- %s, latency at %d ≤ 1.3 × at %d bets: p50 ratio %.2f, p99 ratio %.2f → %s%n", name,
                        largest, smallest, p50, p99, p50 <= 1.3 && p99 <= 1.3 ? "**met**" : p50 <= 1.3 ? "**met for p50, not p99**" : "**not met**"));
            }
        }
        for (Map.Entry<Long, Map<String, Long>> e : statements.entrySet()) {
            Long ten = e.getValue().get("bets(first: 10)");
            Long fifty = e.getValue().get("bets(first: 50)");
            t.append(String.format(Locale.ROOT, "- constant SQL statements per page at %d bets: first 10 → %d, first 50 → %d → %s%n", e.getKey(),
                    ten, fifty, ten != null && ten.equals(fifty) ? "**met**" : "**not met**"));
        }
        return t.toString();
    }
}
