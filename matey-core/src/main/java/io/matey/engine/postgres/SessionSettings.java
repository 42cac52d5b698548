package io.matey.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs work on a connection under some session settings, then gives the caller's connection back with its
 * own values, also when the work fails (a restore failure is then attached to the work's).
 */
final class SessionSettings {

    interface Work<T> {
        T run() throws SQLException;
    }

    private SessionSettings() {
    }

    static <T> T with(Connection connection, Map<String, String> settings, Work<T> work) throws SQLException {
        Map<String, String> previous = new LinkedHashMap<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            previous.put(setting.getKey(), set(connection, setting.getKey(), setting.getValue()));
        }
        T result;
        try {
            result = work.run();
        } catch (SQLException | RuntimeException e) {
            try {
                restore(connection, previous);
            } catch (SQLException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            throw e;
        }
        restore(connection, previous);
        return result;
    }

    private static void restore(Connection connection, Map<String, String> previous) throws SQLException {
        for (Map.Entry<String, String> setting : previous.entrySet()) {
            set(connection, setting.getKey(), setting.getValue());
        }
    }

    /** Sets a setting for the session; returns the value it had. */
    private static String set(Connection connection, String name, String value) throws SQLException {
        // missing_ok: a setting of Matey's own (the dump's migrations table) is unknown until first set.
        String previous = call(connection, "SELECT current_setting(?, true)", name);
        call(connection, "SELECT set_config(?, ?, false)", name, value);
        return previous;
    }

    private static String call(Connection connection, String sql, String... arguments) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                ps.setString(i + 1, arguments[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
