package io.matey.engine;

import io.matey.log.DebugLog;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where engines open JDBC connections, so that each one opened shows in the debug log (docs/architecture.md §11).
 * An engine names its driver class: asking {@link DriverManager} would first load and initialise every driver on
 * the class path (tens of milliseconds of a short command's start for drivers it does not use).
 */
public final class JdbcConnections {

    private static final Map<String, Optional<Driver>> DRIVERS = new ConcurrentHashMap<>();

    private JdbcConnections() {
    }

    /**
     * @param driverClass the engine's driver; when it is not on the class path, {@link DriverManager} is asked,
     *                    which fails with "No suitable driver" unless another driver takes the URL
     * @param properties  the driver's properties; the password travels here, never in {@code jdbcUrl}
     */
    public static Connection open(String driverClass, String jdbcUrl, Properties properties) throws SQLException {
        long started = System.nanoTime();
        Optional<Driver> driver = DRIVERS.computeIfAbsent(driverClass, JdbcConnections::load);
        Connection connection = driver.isPresent() ? driver.get().connect(jdbcUrl, properties) : null;
        if (connection == null) {
            connection = DriverManager.getConnection(jdbcUrl, properties);
        }
        Connection opened = connection;
        DebugLog.log(JdbcConnections.class, () -> "opened " + jdbcUrl + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return opened;
    }

    private static Optional<Driver> load(String driverClass) {
        try {
            Class<?> type = Class.forName(driverClass, true, JdbcConnections.class.getClassLoader());
            return Optional.of((Driver) type.getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the JDBC driver " + driverClass, e);
        }
    }
}
