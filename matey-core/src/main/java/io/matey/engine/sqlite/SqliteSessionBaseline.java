package io.matey.engine.sqlite;

import io.matey.engine.Identifiers;
import io.matey.engine.SessionBaseline;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A SQLite connection as the migration sections start it (docs/architecture.md §7): the per-connection PRAGMAs that
 * change what later statements do (the {@code busy_timeout} Matey sets among them) are set back, and the
 * connection's temporary tables, views and triggers are dropped, as on PostgreSQL. {@code case_sensitive_like} cannot be read, so it is not restored;
 * {@code defer_foreign_keys} ends with each transaction by itself.
 */
final class SqliteSessionBaseline implements SessionBaseline {

    private static final List<String> PRAGMAS = List.of("foreign_keys", "recursive_triggers", "legacy_alter_table",
            "ignore_check_constraints", "query_only", "trusted_schema", "writable_schema", "reverse_unordered_selects",
            "busy_timeout", "synchronous");

    private static final String STATE = "SELECT " + PRAGMAS.stream().map(p -> "(SELECT * FROM pragma_" + p + "())")
            .collect(Collectors.joining(", ")) + ", (SELECT count(*) FROM temp.sqlite_master)";

    /** Triggers and views before the tables they may name; a table's indexes go with it. */
    private static final String TEMPORARY_OBJECTS = "SELECT type, name FROM temp.sqlite_master"
            + " WHERE type IN ('trigger', 'view', 'table') ORDER BY type = 'table', type = 'view'";

    private final Connection connection;
    /** The PRAGMAs' values, then the count of temporary objects. */
    private final long[] state;

    private SqliteSessionBaseline(Connection connection, long[] state) {
        this.connection = connection;
        this.state = state;
    }

    static SqliteSessionBaseline capture(Connection connection) throws SQLException {
        return new SqliteSessionBaseline(connection, read(connection));
    }

    private static long[] read(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(STATE)) {
            rs.next();
            long[] row = new long[PRAGMAS.size() + 1];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getLong(i + 1);
            }
            return row;
        }
    }

    @Override
    public void restore() throws SQLException {
        long[] now = read(connection);
        try (Statement st = connection.createStatement()) {
            for (int i = 0; i < PRAGMAS.size(); i++) {
                if (now[i] != state[i]) {
                    st.execute("PRAGMA " + PRAGMAS.get(i) + " = " + state[i]);
                }
            }
            if (now[PRAGMAS.size()] > 0) {
                dropTemporaryObjects(st);
            }
        }
    }

    private void dropTemporaryObjects(Statement st) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(TEMPORARY_OBJECTS)) {
            while (rs.next()) {
                drops.add("DROP " + rs.getString(1).toUpperCase() + " IF EXISTS temp."
                        + Identifiers.quoted('"', rs.getString(2)));
            }
        }
        for (String drop : drops) {
            st.execute(drop);
        }
    }
}
