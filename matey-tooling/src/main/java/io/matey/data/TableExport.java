package io.matey.data;

import io.matey.error.MateyException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders one table as JSONL: one object per row with sorted keys, rows ordered by {@code order_by} (or
 * {@code on}, or the primary key). Rows that tie on those columns are ordered by their text, so that the bytes
 * do not depend on the order the database happens to return them in.
 */
final class TableExport {

    /** The file's bytes and its number of rows. */
    record Output(byte[] bytes, int rows) {
    }

    private TableExport() {
    }

    static Output export(Connection connection, DataDialect dialect, DataFile file, LiveTable table) throws SQLException {
        List<String> sortColumns = file.exportOrder(table);
        List<Column> columns = new ArrayList<>(table.dataColumns());
        columns.sort((a, b) -> PythonJson.KEY_ORDER.compare(a.name(), b.name()));
        List<String> names = columns.stream().map(Column::name).toList();
        List<Column> selected = new ArrayList<>(columns);
        List<Integer> orderIndexes = new ArrayList<>();
        for (String name : sortColumns) {
            Column column = table.columns().get(name);
            if (!selected.contains(column)) {
                selected.add(column); // a generated column orders rows without being exported
            }
            orderIndexes.add(selected.indexOf(column));
        }
        String sql = "SELECT " + selected.stream().map(c -> dialect.selected(dialect.quote(c.name()), c.type()))
                .collect(Collectors.joining(", "))
                + " FROM " + dialect.readFrom(connection, table.name(), table.sql()) + " ORDER BY "
                + sortColumns.stream().map(dialect::quote).collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder();
        List<String> ties = new ArrayList<>();
        String previousOrder = null;
        int rows = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setFetchSize(Batches.SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[selected.size()];
                    Column unreadable = null;
                    String reason = null;
                    for (int i = 0; i < values.length; i++) {
                        try {
                            values[i] = dialect.exported(dialect.read(rs, i + 1, selected.get(i).type()), selected.get(i).type());
                        } catch (ValueException | RuntimeException | SQLException e) {
                            // The row is already fetched, so a getter fails on its value alone (MySQL's zero dates);
                            // the other columns are still read, so that the error can name the row by its key.
                            unreadable = unreadable == null ? selected.get(i) : unreadable;
                            reason = reason == null ? e.getMessage() : reason;
                        }
                    }
                    String order = RowKey.text(orderIndexes.stream().map(i -> values[i]).toArray());
                    if (unreadable != null) {
                        throw new MateyException("Cannot export table '" + file.table() + "' to data file '"
                                + file.name() + "': row " + sortColumns + " = " + order + ", column '"
                                + unreadable.name() + "' (" + unreadable.type().label() + "): " + reason + ".");
                    }
                    if (!order.equals(previousOrder)) {
                        append(out, ties);
                        previousOrder = order;
                    }
                    ties.add(PythonJson.object(names, values));
                    rows++;
                }
            }
        }
        append(out, ties);
        return new Output(out.toString().getBytes(StandardCharsets.UTF_8), rows);
    }

    /** Code point order is the order of the lines' UTF-8 bytes. */
    private static void append(StringBuilder out, List<String> ties) {
        ties.sort(PythonJson.KEY_ORDER);
        ties.forEach(line -> out.append(line).append('\n'));
        ties.clear();
    }
}
