package io.tandem.bench;

import io.tandem.support.StatementCounter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark: boots Tandem in this JVM (embedded PostgreSQL with a data directory kept between runs), measures
 * pgbench on the same server, then for each size grows the data through the services and measures the read
 * scenarios, the SQL statements per request and the write scenarios with their engine baselines. Prints figures;
 * asserts nothing. Run with {@code ./mvnw -B -Pbench verify} (see BENCHMARKS.md).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        BenchReport report = new BenchReport();
        LoadRunner.quietLoad = config.quietLoad();
        LoadRunner.quietWait = config.quietWait();
        report.run.put("quiet wait", "load average < " + config.quietLoad() + ", at most " + config.quietWait().toSeconds() + " s");
        report.run.put("started", Instant.now().toString());
        report.run.put("label", config.label());
        report.run.put("sizes", config.sizes().toString());
        report.run.put("warm-up / measured seconds", config.warmup().toSeconds() + " / " + config.measure().toSeconds());
        report.run.put("JIT warm-up seconds (unmeasured, before the first read scenario)", String.valueOf(config.jitWarmup().toSeconds()));
        report.run.put("read clients / write pairs", config.clients() + " / " + config.pairs());
        report.run.put("spring overrides", config.spring().toString());
        report.run.put("data dir", config.dataDir().toAbsolutePath().toString());
        machine(report);
        System.out.println("[bench] " + report.run);
        try (BenchServer server = BenchServer.start(config.dataDir(), config.spring())) {
            server.postgresSettings().forEach((k, v) -> report.run.put("postgres " + k, v));
            Map<String, String> env = server.context().getEnvironment() == null ? Map.of() : Map.of(
                    "camunda history level", server.context().getEnvironment().getProperty("operaton.bpm.history-level", "?"),
                    "hikari maximum-pool-size", server.context().getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "?"));
            env.forEach(report.run::put);
            if (config.scenarios().contains("serve")) {
                // for probing by hand (curl, ab, a profiler): Tandem on the benchmark database until the process is
                // stopped, on the pool's own connections as under the harness's load (the counting proxy costs CPU)
                System.out.println("[bench] serving on port " + server.port() + ", PostgreSQL on " + server.postgresPort());
                StatementCounter.bypassed(() -> {
                    while (true) {
                        LockSupport.park();
                    }
                });
            }
            new Bench(server.context(), server.port(), config, report).run(server);
        } finally {
            report.run.put("finished", Instant.now().toString());
            report.write(config.out());
            System.out.println(report.markdown());
            System.out.println("[bench] report written to " + config.out().toAbsolutePath());
        }
        System.exit(0);
    }

    private static void machine(BenchReport report) {
        report.run.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    report.run.put("memory", line.replaceAll("\\s+", " "));
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    report.run.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
        } catch (Exception e) {
            report.notes.add("could not read /proc: " + e);
        }
        report.run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.run.put("jvm max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    }

    /** The suite over one running Tandem; also used by BenchHarnessTest at a tiny size. */
    static final class Bench {
        private final org.springframework.context.ApplicationContext context;
        private final BenchConfig config;
        private final BenchReport report;
        private final GraphQlHttp http;

        Bench(org.springframework.context.ApplicationContext context, int port, BenchConfig config, BenchReport report) {
            this.context = context;
            this.config = config;
            this.report = report;
            this.http = new GraphQlHttp(port);
        }

        void run(BenchServer server) throws Exception {
            if (config.scenarios().contains("pgbench")) {
                PgBench pg = new PgBench(config.pgbench(), server.postgresPort(), config.out());
                if (pg.available()) {
                    report.run.put("pgbench", pg.version());
                    pg.prepare(config.pgbenchScale());
                    report.baselines.add(pg.run(BenchReport.PG_SELECT, true, config.clients(), (int) config.measure().toSeconds()));
                    report.baselines.add(pg.run(BenchReport.PG_TPCB, false, config.pairs(), (int) config.measure().toSeconds()));
                } else {
                    report.notes.add("pgbench not found at " + config.pgbench() + ": no database baseline");
                }
            }
            DataGenerator generator = new DataGenerator(context);
            ReadScenarios reads = new ReadScenarios(http, BenchUsers.READER, BenchUsers.product(0));
            boolean myTasks = reads.hasMyTasks();
            if (!myTasks) {
                String note = "the schema has no myTasks query (issue #5 not merged yet): the myTasks scenario was skipped";
                System.out.println("[bench] " + note);
                report.notes.add(note);
            }
            boolean firstWrite = true;
            boolean jitWarm = false;
            for (long target : config.sizes()) {
                DataGenerator.Growth growth = generator.growTo(target, config.generatorThreads(), config.timerWait());
                // figures are filed under the bets actually there (a reused database may hold more than asked for)
                long size = growth.to();
                System.out.println("[bench] data: " + growth);
                if (growth.created() > 0) {
                    report.growth.add(growth);
                }
                server.vacuumAnalyze();
                if (config.scenarios().contains("reads")) {
                    if (!jitWarm) {
                        warmUpJit(reads, generator.sampleBets(2000, true), myTasks);
                        jitWarm = true;
                    }
                    measureReads(size, generator, reads, myTasks, server);
                }
                if (config.scenarios().contains("writes") && config.writesAt(target)) {
                    LifecycleScenarios lifecycles = new LifecycleScenarios(context, http);
                    if (firstWrite) {
                        report.mutationStatements.putAll(lifecycles.statementsPerMutation());
                        report.engineStepStatements.putAll(lifecycles.engineStatementsPerStep());
                        firstWrite = false;
                    }
                    // Interleaved slices (GraphQL, engine + rules, engine alone; three rounds), so that a neighbour's
                    // load on a shared machine falls on all three alike.
                    java.time.Duration slice = java.time.Duration.ofSeconds(Math.max(5, config.measure().toSeconds() / 3));
                    java.time.Duration warm = java.time.Duration.ofSeconds(Math.max(2, config.warmup().toSeconds() / 3));
                    List<List<LoadRunner.Measured>> slices = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                            new java.util.ArrayList<>());
                    for (int round = 0; round < 3; round++) {
                        slices.get(0).add(lifecycles.graphql(config.pairs(), warm, slice));
                        slices.get(1).add(lifecycles.engineWithRules(config.pairs(), warm, slice));
                        slices.get(2).add(lifecycles.engineOnly(config.pairs(), warm, slice));
                    }
                    List<LoadRunner.Measured> writes = List.of(
                            LoadRunner.merge(BenchReport.GRAPHQL, slices.get(0)),
                            LoadRunner.merge(BenchReport.ENGINE_RULES, slices.get(1)),
                            LoadRunner.merge(BenchReport.ENGINE_ONLY, slices.get(2)));
                    report.writes.put(size, writes);
                }
                report.write(config.out());
            }
            if (config.scenarios().contains("auth")) {
                report.auth.add(reads.viewer("lena", config.clients(), config.warmup(), config.measure()));
                report.auth.add(reads.viewer(BenchUsers.READER, config.clients(), config.warmup(), config.measure()));
            }
        }

        /**
         * A cold JVM serves a page of bets at a fraction of the rate it reaches once the JIT has compiled the request
         * path, and it is still gaining after minutes (BENCHMARKS.md, "What the JIT does to these figures"): this runs
         * the read scenarios unmeasured first.
         */
        void warmUpJit(ReadScenarios reads, List<UUID> sample, boolean myTasks) throws Exception {
            java.time.Duration each = config.jitWarmup().dividedBy(myTasks ? 3 : 2);
            if (each.isZero()) {
                return;
            }
            System.out.println("[bench] JIT warm-up: " + config.jitWarmup().toSeconds() + " s of unmeasured reads");
            reads.betPage(config.clients(), each, java.time.Duration.ZERO);
            if (!sample.isEmpty()) {
                reads.decisionLog(config.clients(), each, java.time.Duration.ZERO, sample);
            }
            if (myTasks) {
                reads.myTasks(config.clients(), each, java.time.Duration.ZERO);
            }
        }

        /**
         * The page of 50 bets with the parsed-document cache off and on, in alternating slices (off, on, on, off, off,
         * on) in this one warm JVM, so that JIT and machine drift fall on both alike. The cache's capacity is switched
         * by reflection: it is fixed at start in the product.
         */
        List<LoadRunner.Measured> interleavedCacheComparison(ReadScenarios reads) throws Exception {
            Object cache = context.getBean(Class.forName("io.tandem.graphql.tuning.ParsedDocumentCache"));
            java.lang.reflect.Field capacity = cache.getClass().getDeclaredField("capacity");
            capacity.setAccessible(true);
            int original = capacity.getInt(cache);
            java.time.Duration slice = java.time.Duration.ofSeconds(Math.max(5, config.measure().toSeconds() / 3));
            List<LoadRunner.Measured> off = new java.util.ArrayList<>();
            List<LoadRunner.Measured> on = new java.util.ArrayList<>();
            try {
                for (boolean cached : new boolean[] {false, true, true, false, false, true}) {
                    capacity.setInt(cache, cached ? Math.max(original, 500) : 0);
                    (cached ? on : off).add(reads.betPage(config.clients(), java.time.Duration.ofSeconds(3), slice));
                }
            } finally {
                capacity.setInt(cache, original);
            }
            return List.of(LoadRunner.merge("read: page of 50 bets, parsed-document cache off (interleaved)", off),
                    LoadRunner.merge("read: page of 50 bets, parsed-document cache on (interleaved)", on));
        }

        /**
         * The page of 50 bets from Tandem and from the PostGraphile peer on the same database, in alternating slices
         * (Tandem, peer, peer, Tandem, Tandem, peer) with the same clients walking the same ten pages deep, after checking
         * that both serve the same bets on the first page. The ratio of pages per second goes into the report's notes.
         */
        List<LoadRunner.Measured> peerComparison(ReadScenarios reads, BenchServer server, long size) throws Exception {
            if (!PostGraphilePeer.available()) {
                report.notes.add("node or npm not found: the PostGraphile comparison was skipped");
                return List.of();
            }
            int workers = Runtime.getRuntime().availableProcessors();
            try (PostGraphilePeer peer = PostGraphilePeer.start(server.postgresPort(), config.out(), workers)) {
                GraphQlHttp peerHttp = peer.http();
                List<String> tandemKeys = keys(http.execute(BenchUsers.READER, Documents.BET_PAGE, Map.of("first", ReadScenarios.PAGE)));
                List<String> peerKeys = keys(peerHttp.execute(BenchUsers.READER, PostGraphilePeer.BET_PAGE, Map.of("first", ReadScenarios.PAGE)));
                if (!tandemKeys.equals(peerKeys)) {
                    throw new IllegalStateException("Tandem and PostGraphile page different bets: " + tandemKeys + " / " + peerKeys);
                }
                report.notes.add(String.format(java.util.Locale.ROOT, "at %d bets, the first page's answer: Tandem %d bytes,"
                        + " PostGraphile %d bytes", size, http.post(BenchUsers.READER, Documents.BET_PAGE,
                        Map.of("first", ReadScenarios.PAGE)).length, peerHttp.post(BenchUsers.READER, PostGraphilePeer.BET_PAGE,
                        Map.of("first", ReadScenarios.PAGE)).length));
                String peerName = "read: page of 50 bets, PostGraphile " + PostGraphilePeer.VERSION + " (" + workers + " workers)";
                reads.betPage(peerName, peerHttp, PostGraphilePeer.BET_PAGE, config.clients(), config.warmup(), java.time.Duration.ZERO);
                java.time.Duration slice = java.time.Duration.ofSeconds(Math.max(5, config.measure().toSeconds() / 3));
                java.time.Duration warm = java.time.Duration.ofSeconds(3);
                List<LoadRunner.Measured> tandem = new java.util.ArrayList<>();
                List<LoadRunner.Measured> peers = new java.util.ArrayList<>();
                for (boolean ours : new boolean[] {true, false, false, true, true, false}) {
                    if (ours) {
                        tandem.add(reads.betPage(config.clients(), warm, slice));
                    } else {
                        peers.add(reads.betPage(peerName, peerHttp, PostGraphilePeer.BET_PAGE, config.clients(), warm, slice));
                    }
                }
                LoadRunner.Measured ourPage = LoadRunner.merge("read: page of 50 bets, Tandem (interleaved with the peer)", tandem);
                LoadRunner.Measured peerPage = LoadRunner.merge(peerName + " (interleaved)", peers);
                report.notes.add(String.format(java.util.Locale.ROOT,
                        "at %d bets, interleaved: Tandem %.0f pages/s (p50 %.1f ms, p99 %.1f ms), PostGraphile %.0f pages/s"
                                + " (p50 %.1f ms, p99 %.1f ms): %.2f× the peer's pages/s", size, ourPage.requestsPerSecond(),
                        ourPage.p50(), ourPage.p99(), peerPage.requestsPerSecond(), peerPage.p50(), peerPage.p99(),
                        ourPage.requestsPerSecond() / peerPage.requestsPerSecond()));
                System.out.println("[bench] " + report.notes.get(report.notes.size() - 1));
                return List.of(ourPage, peerPage);
            }
        }

        private static List<String> keys(com.fasterxml.jackson.databind.JsonNode data) {
            List<String> keys = new java.util.ArrayList<>();
            data.path("bets").path("edges").forEach(edge -> keys.add(edge.path("node").path("key").asText()));
            return keys;
        }

        void measureReads(long size, DataGenerator generator, ReadScenarios reads, boolean myTasks, BenchServer server)
                throws Exception {
            List<UUID> sample = generator.sampleBets(2000, true);
            List<LoadRunner.Measured> measured = new java.util.ArrayList<>();
            measured.add(reads.betPage(config.clients(), config.warmup(), config.measure()));
            if (!sample.isEmpty()) {
                measured.add(reads.decisionLog(config.clients(), config.warmup(), config.measure(), sample));
            }
            if (myTasks) {
                measured.add(reads.myTasks(config.clients(), config.warmup(), config.measure()));
                for (ReadScenarios.TaskView view : ReadScenarios.TaskView.values()) {
                    measured.add(reads.myTasks(view, config.clients(), config.warmup(), config.measure()));
                }
            }
            if (config.scenarios().contains("ab-cache")) {
                measured.addAll(interleavedCacheComparison(reads));
            }
            if (config.scenarios().contains("peer")) {
                measured.addAll(peerComparison(reads, server, size));
            }
            report.reads.put(size, measured);
            report.statements.put(size, reads.statementsPerRequest(sample, myTasks, 10, 50));
            System.out.println("[bench] SQL statements per request at " + size + " bets: " + report.statements.get(size));
        }
    }
}
