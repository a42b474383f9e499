package io.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.support.SecondInstance;
import io.tandem.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database's two users at start-up (docs/operations.md, "Database users"): a database Tandem used before there
 * were two upgrades with nothing to run, and moves to two users with the one statement the operator runs; a
 * configuration that would leave the runtime user able to rewrite history, or the migration user unable to migrate,
 * stops the start with what to run, in one message and no stack trace.
 */
class DatabaseUsersTest {

    /** The one user a deployment had before there were two: it owns everything. */
    static final String LEGACY = "tandem_test_legacy";
    static final String LEGACY_PASSWORD = "legacy-secret";
    static final Map<String, String> PASSWORDS = Map.of(LEGACY, LEGACY_PASSWORD, TestDatabase.OWNER, TestDatabase.OWNER_PASSWORD,
            TestDatabase.RUNTIME, TestDatabase.RUNTIME_PASSWORD);

    @BeforeAll
    static void theUserOfBefore() {
        JdbcTemplate admin = admin(TestDatabase.url());
        admin.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + LEGACY + "') then create role "
                + LEGACY + " login; end if; end $$");
        admin.execute("alter role " + LEGACY + " login nosuperuser password '" + LEGACY_PASSWORD + "'");
    }

    @Test
    void aDatabaseOfBeforeUpgradesAsItIsAndMovesToTwoUsersWithOneStatement() throws Exception {
        String database = TestDatabase.createFresh();
        admin(database).execute("alter database " + name(database) + " owner to " + LEGACY);
        admin(database).execute("alter schema public owner to " + LEGACY);
        DatabaseAsBefore.make(new DriverManagerDataSource(database, LEGACY, LEGACY_PASSWORD));

        String bet;
        try (SecondInstance tandem = start(database, LEGACY, null)) {
            bet = createBet(tandem, "Made with one user");
            assertThat(new JdbcTemplate(tandem.bean(DataSource.class)).queryForList(
                    "select version || ' ' || description || ' ' || success from flyway_schema_history where version::int >= 17"
                            + " order by installed_rank", String.class))
                    .containsExactly("17 create log checkpoints true", "18 create engine schema true",
                            "19 append only history and engine additions true", "20 create correction proposals true",
                            "21 pseudonyms and erasure true",
                            "22 create betting table true", "23 create sealed forecasts true",
                            "24 create non goal attestations true",
                            "25 index webhook deliveries by age true", "26 create asks and receipts true",
                            "27 order inbox candidates by due time and priority true");
        }

        assertThatThrownBy(() -> start(database, LEGACY, TestDatabase.OWNER)).satisfies(refused(
                "The migration user (TANDEM_DB_MIGRATION_USER, \"tandem_test_owner\") must own Tandem's tables to migrate them",
                "REASSIGN OWNED BY \"tandem_test_legacy\" TO \"tandem_test_owner\";"));

        // what docs/operations.md tells the operator to run once
        admin(database).execute("reassign owned by " + LEGACY + " to " + TestDatabase.OWNER);

        try (SecondInstance tandem = start(database, LEGACY, TestDatabase.OWNER)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = tandem.as("erin").document("query($id: ID!) { bet(id: $id) { title } }")
                    .variable("id", bet).execute().path("bet").entity(Map.class).get();
            assertThat(read).containsEntry("title", "Made with one user");
            createBet(tandem, "Made with two users");
            JdbcTemplate runtime = new JdbcTemplate(tandem.bean(DataSource.class));
            assertThat(runtime.queryForObject("select session_user", String.class)).isEqualTo(LEGACY);
            assertThatThrownBy(() -> runtime.update("update decision set rationale = 'rewritten'"))
                    .rootCause().hasMessageContaining("permission denied for table decision");
            assertThatThrownBy(() -> runtime.execute("alter table decision disable trigger decision_append_only"))
                    .rootCause().hasMessageContaining("must be owner of table decision");
        }
    }

    @Test
    void aMigrationUserThatMayNotCreateTablesIsRefused() {
        assertThatThrownBy(() -> start(TestDatabase.createFresh(), LEGACY, TestDatabase.RUNTIME)).satisfies(refused(
                "The migration user (TANDEM_DB_MIGRATION_USER, \"tandem_test_app\") may not create tables in schema \"public\"",
                "GRANT CREATE ON SCHEMA \"public\" TO \"tandem_test_app\";"));
    }

    @Test
    void aRuntimeUserThatIsASuperuserIsRefused() {
        Assumptions.assumeTrue(admin(TestDatabase.url()).queryForObject("select rolsuper from pg_roles where rolname = session_user",
                Boolean.class), "the tests' server user is a superuser");
        List<String> args = new ArrayList<>(arguments(TestDatabase.createFresh(), TestDatabase.adminUser(), TestDatabase.OWNER));
        args.add("--spring.datasource.password=" + TestDatabase.adminPassword());
        assertThatThrownBy(() -> SecondInstance.start("usersCheck", args.toArray(String[]::new))).satisfies(refused(
                "The runtime user (TANDEM_DB_USER, \"" + TestDatabase.adminUser() + "\") is a superuser"));
    }

    @Test
    void aRuntimeUserThatCanActAsTheOwnerIsRefused() {
        String database = TestDatabase.createFresh();
        JdbcTemplate admin = admin(database);
        admin.execute("grant " + TestDatabase.OWNER + " to " + LEGACY);
        try {
            assertThatThrownBy(() -> start(database, LEGACY, TestDatabase.OWNER)).satisfies(refused(
                    "The runtime user (TANDEM_DB_USER, \"tandem_test_legacy\") is a member of the migration user"
                            + " \"tandem_test_owner\"",
                    "REVOKE \"tandem_test_owner\" FROM \"tandem_test_legacy\";"));
        } finally {
            admin.execute("revoke " + TestDatabase.OWNER + " from " + LEGACY);
        }
    }

    @Test
    void aRuntimeUserThatOwnsSomethingIsRefused() {
        String database = TestDatabase.createFresh();
        admin(database).execute("create schema kept_aside authorization " + LEGACY);
        assertThatThrownBy(() -> start(database, LEGACY, TestDatabase.OWNER)).satisfies(refused(
                "The runtime user (TANDEM_DB_USER, \"tandem_test_legacy\") owns schema kept_aside",
                "REASSIGN OWNED BY \"tandem_test_legacy\" TO \"tandem_test_owner\";"));
    }

    @Test
    void aMigrationUserThatCannotSignInIsReportedWithoutAStackTrace() {
        List<String> args = new ArrayList<>(arguments(TestDatabase.createFresh(), TestDatabase.RUNTIME, TestDatabase.OWNER));
        args.add("--tandem.database.migration-user=tandem_test_nobody");
        assertThatThrownBy(() -> SecondInstance.start("usersCheck", args.toArray(String[]::new))).satisfies(failure -> {
            FailureAnalysis analysis = new DatabaseFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).startsWith("PostgreSQL refused to sign Tandem in")
                    .contains("tandem_test_nobody");
            assertThat(analysis.getAction()).contains("TANDEM_DB_MIGRATION_USER");
        });
    }

    /** The start failed with these words, and Spring Boot reports them as its whole description of the failure. */
    private static Consumer<Throwable> refused(String... words) {
        return failure -> {
            FailureAnalysis analysis = new DatabaseFailureAnalyzer().analyze(failure);
            assertThat(analysis).as("a failure analysis of %s", failure).isNotNull();
            assertThat(analysis.getDescription()).contains(words).endsWith("(docs/operations.md, \"Database users\").");
            Throwable cause = failure;
            while (!(cause instanceof DatabaseUsersException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(DatabaseUsersException.class).hasMessage(analysis.getDescription());
        };
    }

    private static SecondInstance start(String database, String runtime, String owner) {
        return SecondInstance.start("usersCheck", arguments(database, runtime, owner).toArray(String[]::new));
    }

    private static List<String> arguments(String database, String runtime, String owner) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database, "--spring.datasource.username=" + runtime,
                "--spring.datasource.password=" + PASSWORDS.getOrDefault(runtime, "")));
        if (owner != null) {
            args.add("--tandem.database.migration-user=" + owner);
            args.add("--tandem.database.migration-password=" + PASSWORDS.get(owner));
        }
        return args;
    }

    private static String createBet(SecondInstance tandem, String title) {
        return tandem.as("priya").document("mutation($title: String!) { createBet(input: {title: $title}) { bet { id } } }")
                .variable("title", title).execute().path("createBet.bet.id").entity(String.class).get();
    }

    private static JdbcTemplate admin(String database) {
        return new JdbcTemplate(TestDatabase.adminDataSource(database));
    }

    private static String name(String databaseUrl) {
        String path = databaseUrl.substring(databaseUrl.indexOf('/', "jdbc:postgresql://".length()) + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }
}
