package io.tandem.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A database as Tandem left it before the engine's tables were Flyway's and there were two users: Flyway's history up
 * to V17, then the engine's tables as the engine created them at start (its schema update, from the same scripts), and
 * what Tandem then added to them at start (two indexes, the candidate links' trigger), all of it owned by the one user
 * given.
 */
final class DatabaseAsBefore {

    private DatabaseAsBefore() {
    }

    static void make(DataSource as) throws SQLException {
        Flyway.configure().dataSource(as).locations("classpath:db/migration").target("17").load().migrate();
        try (Connection connection = as.getConnection(); Statement statement = connection.createStatement()) {
            for (EngineSchemaMigration.SchemaPart part : EngineSchemaMigration.COMPONENTS) {
                for (String sql : EngineSchemaMigration.statements(part.script())) {
                    statement.execute(sql);
                }
            }
            statement.execute("create index if not exists act_idx_task_parent_tandem on act_ru_task (parent_task_id_)");
            statement.execute("create index if not exists act_idx_job_duedate_tandem on act_ru_job (duedate_)");
            statement.execute("create trigger inbox_candidate_mirror after insert or update or delete on act_ru_identitylink"
                    + " for each row execute function inbox_candidate_mirror()");
        }
    }
}
