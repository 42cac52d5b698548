package io.matey.engine.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session settings under which the catalog's deparsing functions give the same text on every connection:
 * with an empty {@code search_path} every name outside pg_catalog comes out schema-qualified, so the output
 * depends neither on the caller's path nor on the one it is loaded under. The caller's values are restored.
 */
final class DumpSession implements AutoCloseable {

    private static final Map<String, String> SETTINGS = Map.of(
            "search_path", "",
            "IntervalStyle", "postgres",
            "extra_float_digits", "1");

    private final Connection connection;
    private final Map<String, String> previous;

    private DumpSession(Connection connection, Map<String, String> previous) {
        this.connection = connection;
        this.previous = previous;
    }

    static DumpSession open(Connection connection) throws SQLException {
        Map<String, String> previous = new LinkedHashMap<>();
        for (String name : SETTINGS.keySet()) {
            previous.put(name, set(connection, name, null));
        }
        DumpSession session = new DumpSession(connection, previous);
        for (Map.Entry<String, String> setting : SETTINGS.entrySet()) {
            set(connection, setting.getKey(), setting.getValue());
        }
        return session;
    }

    /** Sets a setting for the session (or only reads it when {@code value} is null); returns the value. */
    private static String set(Connection connection, String name, String value) throws SQLException {
        String sql = value == null ? "SELECT current_setting(?)" : "SELECT set_config(?, ?, false)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, name);
            if (value != null) {
                ps.setString(2, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (Map.Entry<String, String> setting : previous.entrySet()) {
            set(connection, setting.getKey(), setting.getValue());
        }
    }
}
