package io.tandem.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migration V18: the engine's tables, created by Flyway as the migration owner from the engine's own scripts
 * ({@code org/operaton/bpm/engine/db/create/activiti.postgres.create.*.sql} in the operaton-engine jar), so that the
 * owner owns them and the engine itself (operaton.bpm.database.schema-update: false) never changes the schema.
 *
 * <p>Each of the engine's schema components is created only when its table is missing, which is exactly the test
 * the engine's own schema update made before: on a new database all of them, on a database the engine set up before
 * this migration existed none (it records V18 and changes nothing). The components are every one the engine may use
 * (engine, history, identity, CMMN and DMN with their history): Tandem runs the engine's defaults, and the history
 * tables are there whatever TANDEM_HISTORY_LEVEL says, so that raising it later needs no schema change.
 *
 * <p>Why a versioned Java migration and not a callback or a lower version: it runs inside Flyway's lock, so replicas
 * starting together on a new database never both create the schema; it comes after V17, so a database whose Flyway
 * history ends at V17 takes it as the next migration (a version below 17 would be out of order and fail Flyway's
 * validation); and no migration before it needs the engine's tables (V9 only creates the trigger function for the
 * candidate links; the trigger itself is put on ACT_RU_IDENTITYLINK by V19). What Tandem adds to the engine's tables
 * (indexes, that trigger) is V19, after this.
 *
 * <p>Flyway manages the engine's schema from now on: an Operaton version whose schema changes needs its upgrade
 * script ({@code org/operaton/bpm/engine/db/upgrade/postgres_engine_*.sql}) added as a Tandem migration.
 */
@Component
class EngineSchemaMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(EngineSchemaMigration.class);

    /** The engine's components in the order its schema creation runs them, each with the table the engine tests. */
    static final List<SchemaPart> COMPONENTS = List.of(
            new SchemaPart("engine", "act_ru_execution"),
            new SchemaPart("history", "act_hi_procinst"),
            new SchemaPart("identity", "act_id_user"),
            new SchemaPart("case.engine", "act_re_case_def"),
            new SchemaPart("case.history", "act_hi_caseinst"),
            new SchemaPart("decision.engine", "act_re_decision_def"),
            new SchemaPart("decision.history", "act_hi_decinst"));

    record SchemaPart(String name, String table) {

        String script() {
            return "org/operaton/bpm/engine/db/create/activiti.postgres.create." + name + ".sql";
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("18");
    }

    @Override
    public String getDescription() {
        return "create engine schema";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> created = new ArrayList<>();
        for (SchemaPart component : COMPONENTS) {
            if (!tablePresent(connection, component.table())) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements(component.script())) {
                        statement.execute(sql);
                    }
                }
                created.add(component.name());
            }
        }
        if (created.isEmpty()) {
            log.info("The engine's tables are there already; nothing created");
        } else {
            log.info("Engine schema created: {}", String.join(", ", created));
        }
    }

    private static boolean tablePresent(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select exists (select 1 from pg_class where relnamespace = current_schema()::regnamespace and relname = ?)")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** The script's statements, split as the engine splits them: at a line that ends with ';', comment lines left out. */
    static List<String> statements(String resource) {
        InputStream in = EngineSchemaMigration.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The engine's schema script " + resource + " is not on the classpath");
        }
        List<String> statements = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder statement = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.endsWith(";")) {
                    statement.append(trimmed, 0, trimmed.length() - 1);
                    statements.add(statement.toString());
                    statement.setLength(0);
                } else {
                    statement.append(trimmed).append('\n');
                }
            }
            if (!statement.toString().isBlank()) {
                throw new IllegalStateException("The engine's schema script " + resource + " ends inside a statement");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statements;
    }
}
