package io.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.support.SecondInstance;
import io.tandem.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The README's run command on a fresh machine: an embedded PostgreSQL keeping its data across restarts, as durable as a
 * server, and demo users; and neither of them once a database URL or an identity provider is configured.
 */
class LocalRunTest {

    @TempDir
    Path dataDir;

    @Test
    void runsOnEmbeddedPostgresAndKeepsBetsAcrossRestarts() {
        String betId;
        try (SecondInstance first = start("--tandem.data-dir=" + dataDir, "--spring.datasource.url=")) {
            assertThat(first.context().getBeansOfType(LocalDatabase.class)).hasSize(1);
            betId = (String) first.as("priya").document("mutation { createBet(input: {title: \"Survives a restart\"}) "
                    + "{ bet { id } userErrors { code } } }").execute().path("createBet.bet.id").entity(String.class).get();
        }
        assertThat(Files.exists(dataDir.resolve("pgdata/PG_VERSION"))).isTrue();
        try (SecondInstance second = start("--tandem.data-dir=" + dataDir, "--spring.datasource.url=")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> bet = second.as("erin").document("query($id: ID!) { bet(id: $id) { title stage waitingOn { step } } }")
                    .variable("id", betId).execute().path("bet").entity(Map.class).get();
            assertThat(bet).containsEntry("title", "Survives a restart").containsEntry("stage", "FRAMING");
        }
    }

    @Test
    void theLocalDatabaseWritesThroughToDiskLikeAServer() throws Exception {
        try (SecondInstance context = start("--tandem.data-dir=" + dataDir, "--spring.datasource.url=")) {
            Map<String, String> settings = new LinkedHashMap<>();
            try (Connection connection = context.bean(DataSource.class).getConnection();
                 Statement statement = connection.createStatement()) {
                for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                    try (ResultSet value = statement.executeQuery("show " + setting)) {
                        value.next();
                        settings.put(setting, value.getString(1));
                    }
                }
            }
            assertThat(settings).containsExactly(Map.entry("fsync", "on"), Map.entry("synchronous_commit", "on"),
                    Map.entry("full_page_writes", "on"));
        }
    }

    @Test
    void runsAsAUserThatMayNotRewriteHistory() {
        try (SecondInstance context = start("--tandem.data-dir=" + dataDir, "--spring.datasource.url=")) {
            JdbcTemplate runtime = new JdbcTemplate(context.bean(DataSource.class));
            assertThat(runtime.queryForObject("select session_user", String.class)).isEqualTo(EmbeddedDatabaseConfig.RUNTIME_USER);
            assertThat(runtime.queryForObject("select pg_get_userbyid(relowner) from pg_class where relname = 'decision'",
                    String.class)).isEqualTo(EmbeddedDatabaseConfig.OWNER);
            assertThatThrownBy(() -> runtime.execute("alter table decision disable trigger decision_append_only"))
                    .rootCause().hasMessageContaining("must be owner of table decision");
        }
    }

    /** A folder of a local run from before there were two users: the superuser owned the database and every table. */
    @Test
    void aDataFolderFromBeforeThereWereTwoUsersKeepsWorking() throws Exception {
        try (LocalDatabase before = LocalDatabase.start(dataDir, 17)) {
            try (Connection connection = before.maintenanceDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database tandem");
            }
            DatabaseAsBefore.make(new DriverManagerDataSource(before.jdbcUrl("tandem")));
        }
        try (SecondInstance context = start("--tandem.data-dir=" + dataDir, "--spring.datasource.url=")) {
            assertThat(context.as("priya").document("mutation { createBet(input: {title: \"After the upgrade\"}) "
                    + "{ bet { id } } }").execute().path("createBet.bet.id").entity(String.class).get()).isNotBlank();
            JdbcTemplate runtime = new JdbcTemplate(context.bean(DataSource.class));
            assertThat(runtime.queryForObject("select session_user", String.class)).isEqualTo(EmbeddedDatabaseConfig.RUNTIME_USER);
            assertThat(runtime.queryForList("select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace"
                    + " and c.relowner <> (select oid from pg_roles where rolname = ?)", String.class, EmbeddedDatabaseConfig.OWNER))
                    .as("tables still the superuser's").isEmpty();
            assertThat(runtime.queryForObject("select pg_get_userbyid(datdba) from pg_database where datname = 'tandem'",
                    String.class)).isEqualTo(EmbeddedDatabaseConfig.OWNER);
            assertThatThrownBy(() -> runtime.update("update decision set rationale = 'rewritten'"))
                    .rootCause().hasMessageContaining("permission denied for table decision");
        }
    }

    @Test
    void theProductionProfileRefusesToStartWithoutADatabaseUrl() {
        assertThatThrownBy(() -> start("--tandem.data-dir=" + dataDir, "--spring.datasource.url=",
                "--spring.profiles.active=production"))
                .rootCause().isInstanceOf(LocalDatabaseException.class)
                .hasMessage("TANDEM_DB_URL is not set: the production profile runs on a PostgreSQL server of yours, never on"
                        + " the embedded one.");
        assertThat(dataDir.resolve("pgdata")).doesNotExist();
    }

    @Test
    void anIdentityProviderWithoutADatabaseUrlRefusesToStart() {
        assertThatThrownBy(() -> start("--tandem.data-dir=" + dataDir, "--spring.datasource.url=",
                "--tandem.security.issuer-uri=http://127.0.0.1:9/realms/tandem"))
                .rootCause().isInstanceOf(LocalDatabaseException.class)
                .hasMessageStartingWith("TANDEM_DB_URL is not set: with an identity provider (TANDEM_OIDC_ISSUER_URI)");
        assertThat(dataDir.resolve("pgdata")).doesNotExist();
    }

    @Test
    void usesTheConfiguredDatabaseInsteadOfAnEmbeddedOne() {
        try (SecondInstance context = onTheTestDatabase("--tandem.data-dir=" + dataDir)) {
            assertThat(context.context().getBeansOfType(LocalDatabase.class)).isEmpty();
            assertThat(dataDir.resolve("pgdata")).doesNotExist();
        }
    }

    @Test
    void demoUsersDoNotExistOnceAnIdentityProviderIsConfigured() {
        try (SecondInstance context = onTheTestDatabase("--tandem.security.issuer-uri=http://127.0.0.1:9/realms/tandem")) {
            context.http().post().uri("/graphql").headers(h -> h.setBasicAuth("priya", "priya"))
                    .bodyValue(Map.of("query", "{ viewer { id } }")).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    private static SecondInstance start(String... args) {
        return SecondInstance.start("localRunCheck", args);
    }

    private static SecondInstance onTheTestDatabase(String... args) {
        List<String> all = new ArrayList<>(TestDatabase.arguments());
        all.addAll(List.of(args));
        return start(all.toArray(String[]::new));
    }
}
