package io.matey.engine.postgres;

import io.matey.engine.SessionBaseline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL session as the migration sections start it (docs/architecture.md §7). What the connection was given
 * at start-up (the URL's {@code search_path}, as pgjdbc's {@code currentSchema}, and the driver's own parameters)
 * is what {@code RESET ALL} returns to; what was set with SQL before the first section (an application's pool may
 * set a role or a {@code search_path}) is captured and set again. The restore also resets the role and session
 * authorization, which {@code RESET ALL} leaves, and drops the session's temporary tables ({@code DISCARD TEMP}),
 * so that a later migration cannot depend on one of an earlier migration. It keeps prepared statements (pgjdbc's
 * server-side ones live there) and advisory locks (the migration lock is one).
 */
final class PostgresSessionBaseline implements SessionBaseline {

    private static final String RESET = "RESET SESSION AUTHORIZATION; RESET ROLE; RESET ALL; DISCARD TEMP";

    /**
     * The settings set with SQL in this session, in the order they are set again: the session authorization (when
     * it is not the user who logged in) before the role, both before the other settings.
     */
    private static final String CAPTURE = "SELECT 'session_authorization', current_setting('session_authorization')"
            + " WHERE current_setting('session_authorization') <> (SELECT usename FROM pg_stat_activity"
            + " WHERE pid = pg_backend_pid())"
            + " UNION ALL SELECT 'role', current_setting('role') WHERE current_setting('role') <> 'none'"
            + " UNION ALL SELECT name, current_setting(name) FROM pg_settings WHERE source = 'session'";

    private final Connection connection;
    private final String[] names;
    private final String[] values;

    private PostgresSessionBaseline(Connection connection, List<String> names, List<String> values) {
        this.connection = connection;
        this.names = names.toArray(String[]::new);
        this.values = values.toArray(String[]::new);
    }

    static PostgresSessionBaseline capture(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(CAPTURE)) {
            while (rs.next()) {
                names.add(rs.getString(1));
                values.add(rs.getString(2));
            }
        }
        return new PostgresSessionBaseline(connection, names, values);
    }

    @Override
    public void restore() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(RESET);
        }
        if (names.length == 0) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT set_config(s.name, s.value, false) FROM unnest(?::text[], ?::text[]) AS s(name, value)")) {
            ps.setArray(1, connection.createArrayOf("text", names));
            ps.setArray(2, connection.createArrayOf("text", values));
            ps.executeQuery().close();
        }
    }
}
