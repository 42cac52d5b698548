package io.matey.engine.mysql;

import io.matey.engine.SessionBaseline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A MySQL/MariaDB session as the migration sections start it (docs/architecture.md §7): its database (a section's
 * {@code USE} must not send the next one, or the version row, elsewhere), the session variables that change what
 * later DDL means or how it is written (those {@link MysqlSession} sets among them), and no user variables but
 * those it had. A reset of the whole connection is no way back: it would also release the migration lock
 * ({@code GET_LOCK}). User variables a section set are cleared (set to NULL, which reads as never set) where the
 * server lists them ({@code information_schema.USER_VARIABLES}, MariaDB); MySQL does not, and keeps them, as it
 * keeps temporary tables, which neither server lists for a session.
 */
final class MysqlSessionBaseline implements SessionBaseline {

    private static final List<String> VARIABLES = List.of("sql_mode", "time_zone", "character_set_client",
            "character_set_connection", "character_set_results", "collation_connection", "sql_quote_show_create",
            "foreign_key_checks", "unique_checks", "default_storage_engine", "explicit_defaults_for_timestamp",
            "auto_increment_increment", "auto_increment_offset", "sql_auto_is_null", "sql_safe_updates",
            "div_precision_increment", "group_concat_max_len", "lc_time_names");

    private static final String STATE = "SELECT DATABASE()"
            + VARIABLES.stream().map(v -> ", @@SESSION." + v).collect(Collectors.joining());

    private static final String USER_VARIABLES = ", (SELECT GROUP_CONCAT(VARIABLE_NAME SEPARATOR ' ')"
            + " FROM information_schema.USER_VARIABLES)";

    /** MySQL's error for an unknown table: its information_schema has no USER_VARIABLES. */
    private static final int NO_SUCH_TABLE = 1109;

    private final Connection connection;
    private final String query;
    private final Object[] state;

    private MysqlSessionBaseline(Connection connection, String query, Object[] state) {
        this.connection = connection;
        this.query = query;
        this.state = state;
    }

    static MysqlSessionBaseline capture(Connection connection) throws SQLException {
        String query = STATE + USER_VARIABLES;
        try {
            return new MysqlSessionBaseline(connection, query, read(connection, query));
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_SUCH_TABLE) {
                throw e;
            }
            return new MysqlSessionBaseline(connection, STATE, read(connection, STATE));
        }
    }

    private static Object[] read(Connection connection, String query) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        }
    }

    @Override
    public void restore() throws SQLException {
        Object[] now = read(connection, query);
        if (!Objects.equals(now[0], state[0]) && state[0] != null) {
            try (Statement st = connection.createStatement()) {
                st.execute("USE " + Backticks.quote((String) state[0]));
            }
        }
        List<String> assignments = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < VARIABLES.size(); i++) {
            if (!Objects.equals(now[i + 1], state[i + 1])) {
                assignments.add("SESSION " + VARIABLES.get(i) + " = ?");
                values.add(state[i + 1]);
            }
        }
        if (now.length > VARIABLES.size() + 1) {
            Set<String> kept = names(state[state.length - 1]);
            for (String name : names(now[now.length - 1])) {
                if (!kept.contains(name)) {
                    assignments.add("@" + Backticks.quote(name) + " = NULL");
                }
            }
        }
        if (assignments.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SET " + String.join(", ", assignments))) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            ps.execute();
        }
    }

    private static Set<String> names(Object list) {
        return list == null ? Set.of() : Set.copyOf(Arrays.asList(((String) list).split(" ")));
    }
}
