package io.tandem.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL the tests run against: a fresh database on the server named by TANDEM_TEST_DB_URL
 * (with TANDEM_TEST_DB_USER / TANDEM_TEST_DB_PASSWORD, a superuser), or else an embedded PostgreSQL started once per JVM.
 * A test that must not share that database (one that deploys process versions of its own) gets another one on the
 * same server.
 *
 * <p>Every database has the two users of a deployment (docs/operations.md, "Database users"): {@value #OWNER} owns it
 * and runs the migrations, and the application connects as {@value #RUNTIME}, which may only read and write rows. So
 * the whole suite runs as a deployment's runtime user does; a test that does what only the owner may (disabling a
 * trigger, rewriting history) connects as the owner ({@link #connectAsOwner()}).
 */
public final class TestDatabase {

    /** The migration owner of every test database. */
    public static final String OWNER = "tandem_test_owner";
    /** The runtime user the application connects as in the tests. */
    public static final String RUNTIME = "tandem_test_app";
    public static final String OWNER_PASSWORD = "owner-secret";
    public static final String RUNTIME_PASSWORD = "app-secret";

    private static String serverUrl;
    private static String url;
    private static String adminUser;
    private static String adminPassword;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        start();
        register(registry, url);
    }

    /** Registers a database of its own, created on the same server. */
    public static synchronized void registerFresh(DynamicPropertyRegistry registry) {
        register(registry, createFresh());
    }

    private static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", () -> RUNTIME);
        registry.add("spring.datasource.password", () -> RUNTIME_PASSWORD);
        registry.add("tandem.database.migration-user", () -> OWNER);
        registry.add("tandem.database.migration-password", () -> OWNER_PASSWORD);
    }

    /** The command-line arguments of a Tandem on the shared database, as its two users. */
    public static List<String> arguments() {
        List<String> args = new ArrayList<>();
        register((name, value) -> args.add("--" + name + "=" + value.get()));
        return args;
    }

    /** A new, empty database on the same server, owned by the owner; its URL. */
    public static synchronized String createFresh() {
        start();
        String name = newName();
        createDatabase(name);
        return withDatabase(serverUrl, name);
    }

    public static synchronized String url() {
        start();
        return url;
    }

    /** A connection to the shared database as the runtime user: what the application may do. */
    public static Connection connect() throws SQLException {
        start();
        return DriverManager.getConnection(url, RUNTIME, RUNTIME_PASSWORD);
    }

    /** A connection to the shared database as its owner: what a migration, or whoever owns the database, may do. */
    public static Connection connectAsOwner() throws SQLException {
        start();
        return DriverManager.getConnection(url, OWNER, OWNER_PASSWORD);
    }

    /** The owner's connections to a database of this server (the shared one, or one of {@link #registerFresh}). */
    public static DataSource ownerDataSource(String databaseUrl) {
        return new DriverManagerDataSource(databaseUrl, OWNER, OWNER_PASSWORD);
    }

    /** The runtime user's connections to a database of this server. */
    public static DataSource runtimeDataSource(String databaseUrl) {
        return new DriverManagerDataSource(databaseUrl, RUNTIME, RUNTIME_PASSWORD);
    }

    /** The user TestDatabase sets the server up as (a superuser): TANDEM_TEST_DB_USER, or the embedded server's. */
    public static synchronized String adminUser() {
        start();
        return adminUser;
    }

    public static synchronized String adminPassword() {
        start();
        return adminPassword;
    }

    /** The server's superuser's connections to a database of this server: for setting up what a test needs. */
    public static DataSource adminDataSource(String databaseUrl) {
        start();
        return new DriverManagerDataSource(databaseUrl, adminUser, adminPassword);
    }

    private static synchronized void start() {
        if (url != null) {
            return;
        }
        String server = System.getenv("TANDEM_TEST_DB_URL");
        if (server != null && !server.isBlank()) {
            adminUser = envOr("TANDEM_TEST_DB_USER", "postgres");
            adminPassword = envOr("TANDEM_TEST_DB_PASSWORD", "");
            serverUrl = server;
        } else {
            try {
                embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                SpringApplication.getShutdownHandlers().add(TestDatabase::stop);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
            }
            adminUser = "postgres";
            adminPassword = "";
            // no user in the URL: each connection names its own
            serverUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
        }
        createUsers();
        String name = newName();
        createDatabase(name);
        url = withDatabase(serverUrl, name);
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

    /** The two users, once per server (other test JVMs on the same server may have made them, or be making them). */
    private static void createUsers() {
        try (Connection connection = DriverManager.getConnection(serverUrl, adminUser, adminPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + 0x7a6e64656d7401L + ")");
            try {
                for (String[] user : new String[][] {{OWNER, OWNER_PASSWORD}, {RUNTIME, RUNTIME_PASSWORD}}) {
                    statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + user[0]
                            + "') then create role " + user[0] + " login; end if; end $$");
                    statement.execute("alter role " + user[0] + " login nosuperuser password '" + user[1] + "'");
                }
            } finally {
                statement.execute("select pg_advisory_unlock(" + 0x7a6e64656d7401L + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database users on " + serverUrl, e);
        }
    }

    /**
     * A database owned by the owner, whose public schema only the owner may create in (PostgreSQL before 15 let every
     * user create there).
     */
    private static void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(serverUrl, adminUser, adminPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name + " owner " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + serverUrl, e);
        }
        try (Connection connection = DriverManager.getConnection(withDatabase(serverUrl, name), adminUser, adminPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("alter schema public owner to " + OWNER);
            statement.execute("revoke create on schema public from public");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up test database " + name + " on " + serverUrl, e);
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
