package io.tandem.bench;

import io.tandem.TandemApplication;
import io.tandem.support.StatementCounter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tandem in this JVM on a random port, against an embedded PostgreSQL 17 (the same binaries the local run uses)
 * whose data directory survives the run: a database generated once (say 100k bets) is reused by later runs.
 */
public final class BenchServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext context;

    private BenchServer(EmbeddedPostgres postgres, ConfigurableApplicationContext context) {
        this.postgres = postgres;
        this.context = context;
    }

    /** {@code overrides}: extra Spring properties (the tuning experiments). */
    public static BenchServer start(Path dataDir, Map<String, String> overrides) throws Exception {
        Path pgData = dataDir.resolve("pgdata").toAbsolutePath();
        Files.createDirectories(pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1 from pg_database where datname = 'tandem'")) {
            if (!rs.next()) {
                s.execute("create database tandem");
            }
        }
        String historyLevel = overrides.get("operaton.bpm.history-level");
        if (historyLevel != null) {
            recordHistoryLevel(postgres, historyLevel);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "tandem"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("spring.graphql.graphiql.enabled", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.io.tandem", "INFO");
        // The generator's outcome-review bets wait on one-second timers: let the job executor look often.
        properties.put("operaton.bpm.job-execution.wait-time-in-millis", "500");
        properties.put("operaton.bpm.job-execution.max-wait", "1000");
        properties.putAll(overrides);
        SpringApplication app = new SpringApplication(TandemApplication.class, BenchUsers.class, StatementCounter.class);
        app.setMainApplicationClass(TandemApplication.class);
        // as command-line arguments: they win over application.yml (and its environment variables)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = app.run(args);
        return new BenchServer(postgres, context);
    }

    /**
     * The engine refuses to start on a database that recorded another history level. For the history level runs,
     * which measure writes, the level a generated database recorded is rewritten, so one database serves them all;
     * history the old level wrote stays behind and only makes the tables larger.
     */
    private static void recordHistoryLevel(EmbeddedPostgres postgres, String level) throws Exception {
        int id = List.of("none", "activity", "audit", "full").indexOf(level);
        if (id < 0) {
            throw new IllegalArgumentException("Unknown history level " + level);
        }
        try (Connection c = postgres.getDatabase("postgres", "tandem").getConnection(); Statement s = c.createStatement()) {
            if (s.executeQuery("select 1 from pg_tables where tablename = 'act_ge_property'").next()) {
                s.executeUpdate("update act_ge_property set value_ = '" + id + "' where name_ = 'historyLevel'");
            }
        }
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    /** Server settings that shape the figures. */
    public Map<String, String> postgresSettings() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String name : new String[]{"server_version", "shared_buffers", "synchronous_commit", "fsync", "max_connections", "work_mem"}) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    out.put(name, rs.getString(1));
                }
            }
        }
        return out;
    }

    public void vacuumAnalyze() throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "tandem").getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
    }

    @Override
    public void close() throws IOException {
        context.close();
        postgres.close();
    }
}
