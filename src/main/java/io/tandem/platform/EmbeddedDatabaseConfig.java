package io.tandem.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database when no server is configured: real PostgreSQL binaries (from Maven Central),
 * with its data kept in a local folder across restarts. Never active once spring.datasource.url
 * (TANDEM_DB_URL) is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${tandem.data-dir}") Path dataDir) throws IOException {
        Path pgData = dataDir.resolve("pgdata").toAbsolutePath();
        Files.createDirectories(pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .start();
        log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres,
                                @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = 'tandem'")) {
            if (!exists.next()) {
                statement.execute("create database tandem");
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "tandem"));
        config.setUsername("postgres");
        config.setPoolName("tandem-embedded");
        // the same TANDEM_DB_POOL_SIZE a server database takes
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

}
