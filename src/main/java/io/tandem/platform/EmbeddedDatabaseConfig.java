package io.tandem.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The default database when no server is configured: real PostgreSQL binaries (from Maven Central), with its data
 * kept in a local folder across restarts ({@link LocalDatabase}). Never active once spring.datasource.url
 * (TANDEM_DB_URL) is set, and refused where a forgotten TANDEM_DB_URL would otherwise put a deployment's data in a
 * container's scratch folder: under the production profile or with an identity provider configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

    /** Spring closes it after the beans that use it: the pool, and so the engine and its job executor, go first. */
    @Bean(destroyMethod = "close")
    LocalDatabase localDatabase(Environment environment, @Value("${tandem.data-dir}") Path dataDir,
                                @Value("${tandem.local-database.postgres-version}") String postgresVersion) throws IOException {
        if (environment.matchesProfiles("production")) {
            throw new LocalDatabaseException("TANDEM_DB_URL is not set: the production profile runs on a PostgreSQL server"
                    + " of yours, never on the embedded one.");
        }
        if (!environment.getProperty("tandem.security.issuer-uri", "").isBlank()) {
            throw new LocalDatabaseException("TANDEM_DB_URL is not set: with an identity provider (TANDEM_OIDC_ISSUER_URI)"
                    + " Tandem runs on a PostgreSQL server of yours, never on the embedded one.");
        }
        return LocalDatabase.start(dataDir, Integer.parseInt(postgresVersion.substring(0, postgresVersion.indexOf('.'))));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(LocalDatabase database,
                                @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) throws SQLException {
        try (Connection connection = database.maintenanceDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = 'tandem'")) {
            if (!exists.next()) {
                statement.execute("create database tandem");
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl("tandem"));
        config.setUsername("postgres");
        config.setPoolName("tandem-embedded");
        // the same TANDEM_DB_POOL_SIZE a server database takes
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }
}
