package io.matey.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Matches file rows to table rows by key the way the database compares keys, for the rows whose key the table does
 * not hold identically: a collation (case, accents, trailing spaces), a case-insensitive type (citext) or a type
 * that reads text as a value makes keys equal that Java holds different (docs/architecture.md §3). The rows' keys
 * go into a temporary table copied from the table's key columns, so they have their types and collations; the
 * database groups them, to find rows of the file equal to each other, and joins them to the table.
 */
final class DatabaseKeys {

    private static final String KEYS = "matey_data_keys";
    private static final String LINE = "matey_line";

    /** Reads a key column's value from a result set as data files hold it. */
    interface Reader {
        Object read(ResultSet rs, int index, Column column) throws SQLException;
    }

    /** Two rows of the file whose keys the database holds equal. */
    record Equal(Row earlier, Row later) {
    }

    /** What the database found: rows of the file equal to each other (null when none), and each row's table keys. */
    record Matches(Equal equal, Map<Row, List<Object[]>> tableKeys) {
    }

    private final Connection connection;
    private final DataDialect dialect;
    private final String table;
    private final List<Column> columns;
    private final Reader reader;

    /** @param table the quoted table name */
    DatabaseKeys(Connection connection, DataDialect dialect, String table, RowKey key, Reader reader) {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
        this.columns = key.columns();
        this.reader = reader;
    }

    /** Compares {@code rows} with each other and, when {@code tableHasRows}, with the table's rows. */
    Matches match(List<Row> rows, boolean tableHasRows) throws SQLException {
        String names = columns.stream().map(c -> dialect.quote(c.name())).collect(Collectors.joining(", "));
        try (Statement st = connection.createStatement()) {
            st.execute(dialect.temporaryTable(KEYS, "SELECT 0 AS " + LINE + ", " + names + " FROM " + table
                    + " WHERE 1 = 0"));
        }
        Map<Integer, Row> byLine = new HashMap<>(rows.size() * 2);
        rows.forEach(row -> byLine.put(row.line(), row));
        Matches matches;
        try {
            fill(rows);
            Equal equal = equal(byLine, names);
            matches = new Matches(equal, equal == null && tableHasRows ? join(byLine) : Map.of());
        } catch (SQLException | RuntimeException e) {
            // On PostgreSQL the failed transaction drops the table as it rolls back and refuses this drop.
            try {
                drop();
            } catch (SQLException dropFailure) {
                e.addSuppressed(dropFailure);
            }
            throw e;
        }
        drop();
        return matches;
    }

    private void fill(List<Row> rows) throws SQLException {
        List<String> names = new ArrayList<>(List.of(LINE));
        List<ColumnType> types = new ArrayList<>(List.of(ColumnType.integer("int", 32, false)));
        columns.forEach(c -> {
            names.add(dialect.quote(c.name()));
            types.add(c.type());
        });
        String insert = dialect.insert(KEYS, new TableChanges.Columns(names, types));
        try (Batches batches = new Batches(connection)) {
            for (Row row : rows) {
                batches.add(insert, row.line(), st -> {
                    st.setInt(1, row.line());
                    for (int i = 0; i < columns.size(); i++) {
                        dialect.bind(st, i + 2, columns.get(i).type(), row.value(columns.get(i)));
                    }
                });
            }
            batches.flush();
        }
    }

    /** The first two rows the database groups under one key, or null. */
    private Equal equal(Map<Integer, Row> byLine, String names) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT min(" + LINE + "), max(" + LINE + ") FROM " + KEYS
                        + " GROUP BY " + names + " HAVING count(*) > 1 ORDER BY 2")) {
            return rs.next() ? new Equal(byLine.get(rs.getInt(1)), byLine.get(rs.getInt(2))) : null;
        }
    }

    /** The keys of the table rows each file row equals, as the table holds them. */
    private Map<Row, List<Object[]>> join(Map<Integer, Row> byLine) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT k." + LINE);
        columns.forEach(c -> sql.append(", ").append(dialect.selected("t." + dialect.quote(c.name()), c.type())));
        sql.append(" FROM ").append(KEYS).append(" k JOIN ").append(table).append(" t ON ");
        // The table's column on the left: SQLite compares with the left operand's collation.
        sql.append(columns.stream().map(c -> dialect.keyEquals("t." + dialect.quote(c.name()), "k." + dialect.quote(c.name()),
                c.type())).collect(Collectors.joining(" AND ")));
        Map<Row, List<Object[]>> keys = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = reader.read(rs, i + 2, columns.get(i));
                }
                keys.computeIfAbsent(byLine.get(rs.getInt(1)), row -> new ArrayList<>()).add(values);
            }
        }
        return keys;
    }

    private void drop() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(dialect.dropTemporaryTable(KEYS));
        }
    }
}
