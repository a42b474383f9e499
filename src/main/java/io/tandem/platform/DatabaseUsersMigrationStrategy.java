package io.tandem.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * How Tandem runs Flyway's migrations at start-up: it checks the two database users around them and gives the runtime
 * user its privileges ({@link DatabaseUsers}). Runs on every start, with migrations to run or not:
 *
 * <ul>
 * <li>Before the migrations: every table of the schema belongs to the migration owner (or to a role whose privileges it
 * has), and it may create tables there; otherwise it could not migrate them.</li>
 * <li>After them: the runtime user is no superuser, has no way to act as the owner, may not create tables, and owns
 * nothing in the database (not the database, a schema, a table or a function: an owner can rewrite what it owns,
 * triggers and all). Then, in one transaction that replicas starting together take in turns, the owner grants it
 * SELECT, INSERT, UPDATE and DELETE on every table of the schema but Flyway's own, USAGE and SELECT on the sequences and
 * EXECUTE on the functions, and on the history tables SELECT and INSERT only, with UPDATE of the one column of a copied
 * name where a history table's erasure trigger ({@code refuse_history_change_except_erasure}) lets an erasure blank
 * it. The history tables are those an
 * append-only trigger ({@code refuse_history_change}) guards, so a history table a later migration adds is covered by
 * its trigger. Each start revokes what the runtime user held on the tables and sequences before granting again, so a
 * privilege granted by hand does not outlive a restart, and the default privileges of the owner give a table a later
 * migration creates the same grants before this runs.</li>
 * </ul>
 *
 * Grants and ownership are state of the deployment, not of the schema (the runtime user's name can change between two
 * starts), which is why they are here and not in a versioned migration. When both users are the same one, nothing is
 * checked or granted, and a warning says that the application's user could rewrite history.
 *
 * <p>What goes wrong is reported as a {@link DatabaseUsersException} saying what to run, once, to put it right.
 */
final class DatabaseUsersMigrationStrategy implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUsersMigrationStrategy.class);

    private static final long TAKE_TURNS = 0x7a6e64656d02L;
    private static final String DOCS = " (docs/operations.md, \"Database users\").";

    private final DataSource runtime;

    DatabaseUsersMigrationStrategy(DataSource runtime) {
        this.runtime = runtime;
    }

    @Override
    public void migrate(Flyway flyway) {
        DataSource ownerConnections = flyway.getConfiguration().getDataSource();
        String ownerName;
        String runtimeName;
        try (Connection owner = ownerConnections.getConnection(); Connection app = runtime.getConnection()) {
            ownerName = sessionUser(owner);
            runtimeName = sessionUser(app);
            if (!ownerName.equals(runtimeName)) {
                checkOwner(owner, ownerName);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the database users: " + e.getMessage(), e);
        }
        flyway.migrate();
        if (ownerName.equals(runtimeName)) {
            log.warn("Tandem migrates and serves as one database user ({}), which owns the tables: it could disable the"
                    + " history tables' triggers and rewrite them. Set TANDEM_DB_MIGRATION_USER to their owner and"
                    + " TANDEM_DB_USER to a user of its own" + DOCS, ownerName);
            return;
        }
        try (Connection owner = ownerConnections.getConnection()) {
            checkRuntime(owner, ownerName, runtimeName);
            grant(owner, ownerName, runtimeName, flyway.getConfiguration().getTable());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the runtime user its privileges: " + e.getMessage(), e);
        }
    }

    private static void checkOwner(Connection owner, String ownerName) throws SQLException {
        String schema = one(owner, "select current_schema()");
        if (schema == null) {
            return; // Flyway says so itself
        }
        List<String> others = rows(owner, """
                select pg_get_userbyid(c.relowner) || ' (' || count(*) || ')' from pg_class c
                 where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                   and not pg_has_role(current_user, c.relowner, 'USAGE')
                 group by c.relowner order by 1""");
        if (!others.isEmpty()) {
            String role = others.get(0).substring(0, others.get(0).lastIndexOf(" ("));
            throw new DatabaseUsersException("The migration user (TANDEM_DB_MIGRATION_USER, " + ident(ownerName)
                    + ") must own Tandem's tables to migrate them, but tables of schema " + ident(schema) + " belong to "
                    + String.join(", ", others) + ". Hand them to it once, as a superuser or a member of both roles, in database "
                    + ident(database(owner)) + ": REASSIGN OWNED BY " + ident(role) + " TO " + ident(ownerName) + ";" + DOCS);
        }
        if (!flag(owner, "select has_schema_privilege(current_schema(), 'CREATE')")) {
            throw new DatabaseUsersException("The migration user (TANDEM_DB_MIGRATION_USER, " + ident(ownerName)
                    + ") may not create tables in schema " + ident(schema) + " of database " + ident(database(owner))
                    + ", so it cannot run Tandem's migrations. Make it the schema's owner, or once, as the schema's owner: GRANT"
                    + " CREATE ON SCHEMA " + ident(schema) + " TO " + ident(ownerName) + ";" + DOCS);
        }
    }

    private static void checkRuntime(Connection owner, String ownerName, String runtimeName) throws SQLException {
        String who = "The runtime user (TANDEM_DB_USER, " + ident(runtimeName) + ")";
        if (flag(owner, "select rolsuper from pg_roles where rolname = ?::name", runtimeName)) {
            throw new DatabaseUsersException(who + " is a superuser, and could do anything to the history tables. Give"
                    + " TANDEM_DB_USER a user of its own that is not" + DOCS);
        }
        if (flag(owner, "select pg_has_role(?::name, ?::name, 'MEMBER')", runtimeName, ownerName)) {
            throw new DatabaseUsersException(who + " is a member of the migration user " + ident(ownerName)
                    + ", so it can act as the owner of every table. Once, as a superuser: REVOKE " + ident(ownerName)
                    + " FROM " + ident(runtimeName) + ";" + DOCS);
        }
        if (flag(owner, "select has_schema_privilege(?::name, current_schema(), 'CREATE')", runtimeName)) {
            String schema = ident(one(owner, "select current_schema()"));
            throw new DatabaseUsersException(who + " may create tables in schema " + schema + ", which it would own"
                    + " (PostgreSQL 14 and older let every user). Once, as the schema's owner: REVOKE CREATE ON SCHEMA " + schema
                    + " FROM PUBLIC; REVOKE CREATE ON SCHEMA " + schema + " FROM " + ident(runtimeName) + ";" + DOCS);
        }
        List<String> owned = rows(owner, """
                with r as (select oid from pg_roles where rolname = ?::name)
                select 'database ' || quote_ident(datname) from pg_database, r
                 where datname = current_database() and datdba = r.oid
                union all
                select 'schema ' || quote_ident(nspname) from pg_namespace, r where nspowner = r.oid
                union all
                select 'table ' || c.oid::regclass from pg_class c, r
                 where c.relowner = r.oid and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                union all
                select 'function ' || p.oid::regprocedure from pg_proc p, r where p.proowner = r.oid""", runtimeName);
        if (!owned.isEmpty()) {
            throw new DatabaseUsersException(who + " owns " + String.join(", ", owned.subList(0, Math.min(5, owned.size())))
                    + (owned.size() > 5 ? " and " + (owned.size() - 5) + " more" : "") + ": whoever owns a table can disable its"
                    + " triggers and rewrite it. Hand everything it owns to the migration user once, as a superuser or a member"
                    + " of both roles, in database " + ident(database(owner)) + ": REASSIGN OWNED BY " + ident(runtimeName)
                    + " TO " + ident(ownerName) + ";" + DOCS);
        }
    }

    private static void grant(Connection owner, String ownerName, String runtimeName, String flywayTable) throws SQLException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement statement = owner.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + TAKE_TURNS + ")");
            String schema = ident(one(owner, "select current_schema()"));
            String r = ident(runtimeName);
            List<String> history = rows(owner, """
                    select distinct quote_ident(c.relname) from pg_trigger t join pg_class c on c.oid = t.tgrelid
                     where c.relnamespace = current_schema()::regnamespace
                       and t.tgfoid = (select oid from pg_proc
                                        where proname = 'refuse_history_change' and pronamespace = current_schema()::regnamespace)
                     order by 1""");
            List<String> tables = rows(owner, """
                    select quote_ident(relname) from pg_class
                     where relnamespace = current_schema()::regnamespace and relkind in ('r', 'p', 'v', 'm', 'f') and relname <> ?::name
                     order by 1""", flywayTable);
            List<String> rowsToChange = new ArrayList<>(tables);
            rowsToChange.removeAll(history);

            statement.execute("grant usage on schema " + schema + " to " + r);
            statement.execute("revoke all on all tables in schema " + schema + " from " + r);
            statement.execute("revoke all on all sequences in schema " + schema + " from " + r);
            if (!rowsToChange.isEmpty()) {
                statement.execute("grant select, insert, update, delete on " + String.join(", ", rowsToChange) + " to " + r);
            }
            if (!history.isEmpty()) {
                statement.execute("grant select, insert on " + String.join(", ", history) + " to " + r);
            }
            // a copied name may only become erased_name(), which the table's erasure trigger checks
            for (String[] erasable : rows(owner, """
                    select quote_ident(c.relname) || ' ' || quote_ident(split_part(encode(t.tgargs, 'escape'), '\\000', 2))
                      from pg_trigger t join pg_class c on c.oid = t.tgrelid
                     where c.relnamespace = current_schema()::regnamespace
                       and t.tgfoid = (select oid from pg_proc where proname = 'refuse_history_change_except_erasure'
                                          and pronamespace = current_schema()::regnamespace)
                     order by 1""").stream().map(row -> row.split(" ")).toList()) {
                statement.execute("grant update (" + erasable[1] + ") on " + erasable[0] + " to " + r);
            }
            statement.execute("grant usage, select on all sequences in schema " + schema + " to " + r);
            statement.execute("grant execute on all functions in schema " + schema + " to " + r);
            String defaults = "alter default privileges for role " + ident(ownerName) + " in schema " + schema;
            statement.execute(defaults + " grant select, insert, update, delete on tables to " + r);
            statement.execute(defaults + " grant usage, select on sequences to " + r);
            statement.execute(defaults + " grant execute on functions to " + r);
            owner.commit();
            log.info("Database users: migrations as {}, the application as {}, which may read and write the rows of {} tables"
                    + " and only read and add to the {} history tables", ownerName, runtimeName, rowsToChange.size(), history.size());
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }

    private static String sessionUser(Connection connection) throws SQLException {
        return one(connection, "select session_user");
    }

    private static String database(Connection connection) throws SQLException {
        return one(connection, "select current_database()");
    }

    /** A name as an SQL identifier: double-quoted, so that any role or schema name is taken as it is. */
    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static boolean flag(Connection connection, String sql, String... parameters) throws SQLException {
        return Boolean.parseBoolean(one(connection, "select (" + sql + ")::text", parameters));
    }

    private static String one(Connection connection, String sql, String... parameters) throws SQLException {
        List<String> rows = rows(connection, sql, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<String> rows(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
