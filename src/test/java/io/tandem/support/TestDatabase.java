package io.tandem.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL the tests run against: a fresh database on the server named by TANDEM_TEST_DB_URL
 * (with TANDEM_TEST_DB_USER / TANDEM_TEST_DB_PASSWORD), or else an embedded PostgreSQL started once per JVM.
 * A test that must not share that database (one that deploys process versions of its own) gets another one on the
 * same server.
 */
public final class TestDatabase {

    private static String serverUrl;
    private static String url;
    private static String user;
    private static String password;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    /** Registers a database of its own, created on the same server. */
    public static synchronized void registerFresh(DynamicPropertyRegistry registry) {
        start();
        String name = newName();
        createDatabase(serverUrl, name);
        String freshUrl = withDatabase(serverUrl, name);
        registry.add("spring.datasource.url", () -> freshUrl);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    public static synchronized String url() {
        start();
        return url;
    }

    public static Connection connect() throws SQLException {
        start();
        return DriverManager.getConnection(url, user, password);
    }

    private static synchronized void start() {
        if (url != null) {
            return;
        }
        String server = System.getenv("TANDEM_TEST_DB_URL");
        String name = newName();
        if (server != null && !server.isBlank()) {
            user = envOr("TANDEM_TEST_DB_USER", "postgres");
            password = envOr("TANDEM_TEST_DB_PASSWORD", "");
            serverUrl = server;
            createDatabase(server, name);
            url = withDatabase(server, name);
        } else {
            try {
                embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                SpringApplication.getShutdownHandlers().add(TestDatabase::stop);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
            }
            user = "postgres";
            password = "";
            serverUrl = embedded.getJdbcUrl("postgres", "postgres");
            createDatabase(serverUrl, name);
            url = withDatabase(serverUrl, name);
        }
    }

    private static String newName() {
        return "tandem_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * Runs in Spring Boot's shutdown hook, after it has closed every application context: the process engine still
     * writes to the database while it closes, and would otherwise wait 30 s for a connection. (A JVM hook of our own
     * could run before Spring's had even started.)
     */
    private static void stop() {
        try {
            embedded.close();
        } catch (IOException e) {
            // the JVM is exiting; the data directory is temporary
        }
    }

    private static void createDatabase(String serverUrl, String name) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + serverUrl, e);
        }
    }

    /** jdbc:postgresql://host:port/db?params with db replaced. */
    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
