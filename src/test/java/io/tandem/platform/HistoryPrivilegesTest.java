package io.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database's two users, on the tests' database (which has them as a deployment does, docs/operations.md, "Database
 * users"): the runtime user the application connects as is refused, by PostgreSQL's privileges, every way of changing
 * history, and owns nothing; the owner can still do what a migration does. Extends GraphQlTestBase only so that the
 * shared context has migrated the database.
 */
class HistoryPrivilegesTest extends GraphQlTestBase {

    /** Every history table; each has an append-only trigger (refuse_history_change). */
    static final List<String> HISTORY = List.of("decision", "sign_off", "brief_revision", "status_update", "change_request",
            "bet_comment", "task_escalation", "metric_reading", "decision_leaf", "log_checkpoint",
            "constraint_acknowledgement", "outcome_report", "bet_option", "correction_proposal", "person_erasure",
            "cycle_signature", "non_goal_attestation", "ask_option", "receipt", "receipt_settlement");

    /** What would change history: each statement with the table's name for %1$s and one of its columns for %2$s. */
    enum Change {
        DISABLE_TRIGGER("alter table %1$s disable trigger %1$s_append_only"),
        UPDATE("update %1$s set %2$s = %2$s"),
        DELETE("delete from %1$s"),
        TRUNCATE("truncate %1$s");

        final String sql;

        Change(String sql) {
            this.sql = sql;
        }
    }

    static Stream<Arguments> everyChangeOfEveryHistoryTable() {
        return HISTORY.stream().flatMap(table -> Stream.of(Change.values()).map(change -> Arguments.of(table, change)));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("everyChangeOfEveryHistoryTable")
    void theRuntimeUserIsRefused(String table, Change change) throws SQLException {
        try (Connection runtime = TestDatabase.connect(); Statement statement = runtime.createStatement()) {
            String sql = change.sql.formatted(table, firstColumn(runtime, table));
            assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                    refused -> assertThat(refused.getSQLState()).as("insufficient_privilege: %s", refused.getMessage())
                            .isEqualTo("42501"));
        }
    }

    @Test
    void theHistoryTablesAreExactlyTheOnesTheTriggersGuard() throws SQLException {
        try (Connection runtime = TestDatabase.connect()) {
            assertThat(strings(runtime, """
                    select distinct c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
                     where t.tgfoid = 'refuse_history_change'::regproc""")).containsExactlyInAnyOrderElementsOf(HISTORY);
            for (String table : HISTORY) {
                assertThat(strings(runtime, "select tgname from pg_trigger where tgrelid = '" + table + "'::regclass"
                        + " and tgfoid = 'refuse_history_change'::regproc")).as(table)
                        .containsExactlyInAnyOrder(table + "_append_only", table + "_no_truncate");
            }
        }
    }

    @Test
    void theRuntimeUserReadsAndAddsToHistoryAndReadsAndWritesTheRest() throws SQLException {
        try (Connection runtime = TestDatabase.connect()) {
            for (String table : HISTORY) {
                assertThat(privileges(runtime, table)).as(table).containsExactly("INSERT", "SELECT");
            }
            assertThat(strings(runtime, """
                    select table_name || '.' || column_name from information_schema.column_privileges
                     where grantee = session_user and privilege_type = 'UPDATE'
                       and table_name in ('%s') order by 1""".formatted(String.join("', '", HISTORY))))
                    .as("the one column of a copied name an erasure blanks, guarded by the table's trigger")
                    .containsExactly("bet_comment.author_name", "brief_revision.author_name",
                            "constraint_acknowledgement.acknowledged_by_name", "correction_proposal.proposer_name",
                            "sign_off.signer_name", "status_update.author_name");
            for (String table : List.of("bet", "person", "activity", "webhook_delivery", "inbox_candidate", "act_ru_task",
                    "act_ru_job", "act_ge_property", "act_hi_procinst", "act_id_user")) {
                assertThat(privileges(runtime, table)).as(table).containsExactly("DELETE", "INSERT", "SELECT", "UPDATE");
            }
            assertThat(privileges(runtime, "flyway_schema_history")).as("Flyway's own table").isEmpty();
            assertThat(strings(runtime, "select c.relname from pg_class c, pg_roles r where r.rolname = session_user"
                    + " and (c.relowner = r.oid or has_table_privilege(c.oid, 'SELECT WITH GRANT OPTION'))"))
                    .as("it owns no table, and may grant nobody anything").isEmpty();
            assertThat(strings(runtime, "select p.proname from pg_proc p, pg_roles r where r.rolname = session_user"
                    + " and p.proowner = r.oid")).as("functions it owns").isEmpty();
            assertThat(strings(runtime, "select datname from pg_database d, pg_roles r where r.rolname = session_user"
                    + " and d.datdba = r.oid")).as("databases it owns").isEmpty();
        }
    }

    @Test
    void theRuntimeUserCanNeitherCreateNorAlterNorGrant() throws SQLException {
        try (Connection runtime = TestDatabase.connect(); Statement statement = runtime.createStatement()) {
            for (String sql : List.of("create table mine (id int)", "alter table bet add column mine int",
                    "create index mine on bet (title)", "drop table webhook", "alter table bet owner to " + TestDatabase.RUNTIME,
                    "create trigger mine before update on bet for each row execute function refuse_history_change()")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                        refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
            }
            statement.execute("grant select on bet to public");
            assertThat(strings(runtime, "select 1 where has_table_privilege('public', 'bet', 'SELECT')"))
                    .as("a grant it makes grants nothing").isEmpty();
        }
    }

    /** What migrations do, as the owner, in a transaction that is rolled back; and it owns the engine's tables too. */
    @Test
    void theOwnerCanStillDoWhatAMigrationDoes() throws SQLException {
        try (Connection owner = TestDatabase.connectAsOwner(); Statement statement = owner.createStatement()) {
            assertThat(strings(owner, "select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace"
                    + " and c.relkind in ('r', 'S', 'v') and c.relowner <> (select oid from pg_roles where rolname = session_user)"))
                    .as("tables of Tandem and of the engine it does not own").isEmpty();
            assertThat(strings(owner, "select count(*) from pg_class where relname like 'act\\_%' and relkind = 'r'"))
                    .as("the engine's tables").singleElement().satisfies(count -> assertThat(Integer.parseInt(count)).isGreaterThan(40));
            owner.setAutoCommit(false);
            try {
                statement.execute("create table later_history (id uuid primary key, said text not null)");
                statement.execute("create trigger later_history_append_only before update or delete on later_history"
                        + " for each row execute function refuse_history_change()");
                statement.execute("alter table decision add column later text");
                statement.execute("create index decision_later on decision (later)");
                statement.execute("alter table decision disable trigger decision_append_only");
                statement.execute("update decision set later = 'backfilled'");
                statement.execute("alter table decision enable trigger decision_append_only");
                statement.execute("alter table decision drop column later");
                try (ResultSet granted = statement.executeQuery("select has_table_privilege('" + TestDatabase.RUNTIME
                        + "', 'later_history', 'SELECT, INSERT, UPDATE, DELETE'), has_table_privilege('" + TestDatabase.RUNTIME
                        + "', 'later_history', 'TRUNCATE')")) {
                    granted.next();
                    assertThat(granted.getBoolean(1)).as("a table a later migration creates: the default privileges").isTrue();
                    assertThat(granted.getBoolean(2)).isFalse();
                }
            } finally {
                owner.rollback();
            }
        }
    }

    private static String firstColumn(Connection connection, String table) throws SQLException {
        return strings(connection, "select attname from pg_attribute where attrelid = '" + table + "'::regclass"
                + " and attnum > 0 and not attisdropped order by attnum limit 1").get(0);
    }

    private static List<String> privileges(Connection connection, String table) throws SQLException {
        return strings(connection, "select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',"
                + " 'REFERENCES', 'TRIGGER']) p where has_table_privilege('" + table + "', p) order by p");
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
