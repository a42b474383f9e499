package io.tandem.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A JVM that starts the local database, writes one row, says so, and waits to be killed: what a Tandem stopped by an
 * IDE's stop button or the OOM killer leaves behind. Arguments: data folder, PostgreSQL major version, the row's value.
 */
public final class CrashingLocalDatabase {

    private CrashingLocalDatabase() {
    }

    public static void main(String[] args) throws Exception {
        LocalDatabase database = LocalDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists kept (value text)");
            statement.execute("insert into kept values ('" + args[2] + "')");
        }
        System.out.println("written");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
