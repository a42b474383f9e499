package io.tandem.platform;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database's two users. The <em>migration owner</em> (TANDEM_DB_MIGRATION_USER) runs Flyway and owns every table,
 * Tandem's and the engine's; the <em>runtime user</em> (TANDEM_DB_USER) is the one the application connects as, and may
 * read and write rows, add to the history tables and nothing more: no ALTER, DROP, TRUNCATE, disabling a trigger or
 * granting, which only an owner may do. So the append-only triggers of the history tables hold against the application
 * and anyone who has its credentials.
 *
 * <p>Flyway connects as the owner; after the migrations, the owner grants the runtime user what it may do
 * ({@link DatabaseUsersMigrationStrategy}). With no migration user configured, or the same one, one user does both, as before
 * there were two. The embedded database of the local run always has two ({@link EmbeddedDatabaseConfig}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUsers {

    /** A server's migration owner: TANDEM_DB_MIGRATION_USER on TANDEM_DB_URL, or the runtime user when it is the same. */
    @Bean
    @ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
    MigrationOwner serverMigrationOwner(@Value("${spring.datasource.url}") String url,
                                        @Value("${spring.datasource.username:}") String runtimeUser,
                                        @Value("${tandem.database.migration-user:}") String user,
                                        @Value("${tandem.database.migration-password:}") String password) {
        if (user.isBlank() || user.equals(runtimeUser)) {
            return MigrationOwner.RUNTIME_USER;
        }
        return new MigrationOwner(new DriverManagerDataSource(url, user, password));
    }

    @Bean
    FlywayConfigurationCustomizer migrateAsTheOwner(MigrationOwner owner) {
        return configuration -> {
            if (owner.dataSource() != null) {
                configuration.dataSource(owner.dataSource());
            }
        };
    }

    @Bean
    DatabaseUsersMigrationStrategy databaseUsersMigrationStrategy(DataSource runtime) {
        return new DatabaseUsersMigrationStrategy(runtime);
    }

    /** Who Flyway connects as: the migration owner's connections, or none (null) when the runtime user is the owner. */
    record MigrationOwner(DataSource dataSource) {

        static final MigrationOwner RUNTIME_USER = new MigrationOwner(null);
    }
}
