package io.tandem.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The default database when no server is configured: real PostgreSQL binaries (from Maven Central), with its data
 * kept in a local folder across restarts ({@link LocalDatabase}). Never active once spring.datasource.url
 * (TANDEM_DB_URL) is set, and refused where a forgotten TANDEM_DB_URL would otherwise put a deployment's data in a
 * container's scratch folder: under the production profile or with an identity provider configured. It has the two
 * users a server has ({@link DatabaseUsers}), which it sets up itself: Flyway runs as {@value #OWNER}, the application
 * connects as {@value #RUNTIME_USER}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    static final String DATABASE = "tandem";
    /** The migration owner: runs Flyway, owns Tandem's database and everything in it. */
    static final String OWNER = "tandem_owner";
    /** The runtime user the application connects as: reads and writes rows, owns nothing. */
    static final String RUNTIME_USER = "tandem_app";

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

    /**
     * The pool of the runtime user, {@value #RUNTIME_USER}, once the server has Tandem's database and both users
     * ({@link #setUpUsers}).
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(LocalDatabase database,
                                @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) throws SQLException {
        setUpUsers(database);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl(DATABASE, RUNTIME_USER));
        config.setUsername(RUNTIME_USER);
        config.setPoolName("tandem-embedded");
        // the same TANDEM_DB_POOL_SIZE a server database takes
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    /** Flyway runs as {@value #OWNER}, after the users are set up (the pool above is made first). */
    @Bean
    DatabaseUsers.MigrationOwner embeddedMigrationOwner(LocalDatabase database, DataSource dataSource) {
        return new DatabaseUsers.MigrationOwner(new DriverManagerDataSource(database.jdbcUrl(DATABASE, OWNER), OWNER, ""));
    }

    /**
     * As the server's superuser: creates the two users and Tandem's database (owned by {@value #OWNER}) where they are
     * missing, and hands {@value #OWNER} what a data folder made before there were two users holds: there the superuser
     * owned the database and everything in it. Each start repeats it, with nothing to do once it is done.
     */
    static void setUpUsers(LocalDatabase database) throws SQLException {
        try (Connection connection = database.maintenanceDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String user : new String[] {OWNER, RUNTIME_USER}) {
                if (!exists(statement, "select 1 from pg_roles where rolname = '" + user + "'")) {
                    statement.execute("create role " + user + " login");
                }
            }
            if (!exists(statement, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                statement.execute("create database " + DATABASE + " owner " + OWNER);
            } else if (!exists(statement, "select 1 from pg_database where datname = '" + DATABASE + "'"
                    + " and datdba = (select oid from pg_roles where rolname = '" + OWNER + "')")) {
                statement.execute("alter database " + DATABASE + " owner to " + OWNER);
            }
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(DATABASE));
             Statement statement = connection.createStatement()) {
            List<String> handOver = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(SUPERUSERS_OBJECTS)) {
                while (rows.next()) {
                    handOver.add(rows.getString(1));
                }
            }
            if (!handOver.isEmpty()) {
                connection.setAutoCommit(false);
                for (String alter : handOver) {
                    statement.execute(alter);
                }
                connection.commit();
                log.info("The local database's tables and functions belonged to its superuser: {} handed to {}; the"
                        + " application now connects as {}", handOver.size(), OWNER, RUNTIME_USER);
            }
        }
    }

    /**
     * The statements that give {@value #OWNER} the superuser's tables, views, sequences (those of no table's column: the
     * others follow their table) and functions in the public schema.
     */
    private static final String SUPERUSERS_OBJECTS = """
            select format('alter %s %s owner to %s', case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                       when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end, c.oid::regclass, '{owner}')
              from pg_class c
             where c.relnamespace = 'public'::regnamespace and c.relowner = (select oid from pg_roles where rolname = session_user)
               and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
               and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                        and d.objid = c.oid and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')))
            union all
            select format('alter function %s owner to %s', p.oid::regprocedure, '{owner}')
              from pg_proc p
             where p.pronamespace = 'public'::regnamespace and p.proowner = (select oid from pg_roles where rolname = session_user)
            """.replace("{owner}", OWNER);

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }
}
