package io.matey.engine;

import io.matey.log.DebugLog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where engines open JDBC connections, so that each one opened shows in the debug log (docs/architecture.md §11). */
public final class JdbcConnections {

    private JdbcConnections() {
    }

    /** @param properties the driver's properties; the password travels here, never in {@code jdbcUrl} */
    public static Connection open(String jdbcUrl, Properties properties) throws SQLException {
        long started = System.nanoTime();
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        DebugLog.log(JdbcConnections.class, () -> "opened " + jdbcUrl + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return connection;
    }
}
