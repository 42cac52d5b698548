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
        Map<String, String> previous = set(connection, settings);
        T result;
        try {
            result = work.run();
        } catch (SQLException | RuntimeException e) {
            try {
                set(connection, previous);
            } catch (SQLException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            throw e;
        }
        set(connection, previous);
        return result;
    }

    /**
     * Sets the settings for the session in one round trip and returns the values they had; each row reads its
     * setting before it sets it. A setting of Matey's own (the dump's migrations table) is unknown until first
     * set: it reads as null and is given back as empty.
     */
    private static Map<String, String> set(Connection connection, Map<String, String> settings) throws SQLException {
        String[] names = settings.keySet().toArray(String[]::new);
        String[] values = settings.values().toArray(String[]::new);
        Map<String, String> previous = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT s.name, current_setting(s.name, true),"
                + " set_config(s.name, coalesce(s.value, ''), false) FROM unnest(?::text[], ?::text[]) AS s(name, value)")) {
            ps.setArray(1, connection.createArrayOf("text", names));
            ps.setArray(2, connection.createArrayOf("text", values));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    previous.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return previous;
    }
}
