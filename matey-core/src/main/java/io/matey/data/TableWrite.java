package io.matey.data;

import io.matey.error.MateyException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes one checked data file into its table, inside the caller's transaction. With a key, the table's rows are
 * read first and only the difference is written: new keys are inserted, changed rows updated, unchanged rows
 * left alone and, for replace, rows whose key the file lacks deleted. Columns a file does not name keep their
 * values. Without a key, replace deletes every row and inserts the file.
 */
final class TableWrite {

    /** A table row with a key: its key values, its compared values as JSON text, and how many rows share the key. */
    private static final class Existing {
        final Object[] key;
        final String[] values;
        int count = 1;

        Existing(Object[] key, String[] values) {
            this.key = key;
            this.values = values;
        }
    }

    private final Connection connection;
    private final DataDialect dialect;
    private final CheckedFile file;
    private final String table;
    private final RowKey key;
    /** Statements by row shape; rows naming the same columns share one list instance. */
    private final Map<List<Column>, String> insertSql = new IdentityHashMap<>();
    private final Map<List<Column>, Update> updates = new IdentityHashMap<>();

    /** An UPDATE of one row shape and the columns it sets, in parameter order. */
    private record Update(String sql, List<Column> set) {
    }

    private int inserted;
    private int updated;
    private int deleted;

    TableWrite(Connection connection, DataDialect dialect, CheckedFile file) {
        this.connection = connection;
        this.dialect = dialect;
        this.file = file;
        this.table = dialect.quote(file.table().name());
        this.key = file.key();
    }

    AppliedFile write() throws SQLException {
        try (Batches batches = new Batches(connection)) {
            if (key == null) {
                if (file.file().mode() == DataMode.REPLACE) {
                    try (Statement st = connection.createStatement()) {
                        deleted = st.executeUpdate(dialect.delete(table, ""));
                    }
                }
                for (Row row : file.rows()) {
                    insert(batches, row);
                }
            } else {
                sync(batches);
            }
            batches.flush();
        }
        if (inserted > 0) {
            dialect.afterInsert(connection, file.table().name());
        }
        return new AppliedFile(file.file().name(), file.table().name(), file.file().mode(), file.rows().size(),
                inserted, updated, deleted);
    }

    private void sync(Batches batches) throws SQLException {
        List<Column> compared = compared();
        Map<String, Existing> existing = new HashMap<>(file.rows().size() * 2);
        int nullKeys = read(compared, existing);
        if (file.file().mode() == DataMode.REPLACE) {
            Set<String> keep = new HashSet<>();
            file.rows().forEach(row -> keep.add(RowKey.text(key.values(row))));
            String delete = dialect.delete(table, where());
            for (Map.Entry<String, Existing> entry : existing.entrySet()) {
                if (!keep.contains(entry.getKey())) {
                    delete(batches, delete, entry.getValue());
                }
            }
            if (nullKeys > 0) {
                batches.add(dialect.delete(table, key.columns().stream()
                        .map(c -> dialect.quote(c.name()) + " IS NULL").collect(Collectors.joining(" OR "))), st -> { });
                deleted += nullKeys;
            }
        }
        for (Row row : file.rows()) {
            Existing current = existing.get(RowKey.text(key.values(row)));
            if (current == null) {
                insert(batches, row);
            } else if (changed(row, compared, current)) {
                update(batches, row, current.count);
            }
        }
    }

    /** The non-key columns any row names, in table order. */
    private List<Column> compared() {
        Set<List<Column>> shapes = Collections.newSetFromMap(new IdentityHashMap<>());
        file.rows().forEach(row -> shapes.add(row.columns()));
        Set<Column> named = new HashSet<>();
        shapes.forEach(named::addAll);
        return file.table().dataColumns().stream().filter(c -> named.contains(c) && !key.columns().contains(c)).toList();
    }

    /** Reads the table's rows by key; returns how many have a null key column, which no file row can match. */
    private int read(List<Column> compared, Map<String, Existing> existing) throws SQLException {
        List<Column> keyColumns = key.columns();
        List<Column> selected = new ArrayList<>(keyColumns);
        selected.addAll(compared);
        String sql = "SELECT " + selected.stream().map(c -> dialect.quote(c.name())).collect(Collectors.joining(", "))
                + " FROM " + table;
        int nullKeys = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setFetchSize(Batches.SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[keyColumns.size()];
                    boolean nullKey = false;
                    for (int i = 0; i < values.length; i++) {
                        values[i] = read(rs, i + 1, keyColumns.get(i));
                        nullKey |= values[i] == null;
                    }
                    if (nullKey) {
                        nullKeys++;
                        continue;
                    }
                    String[] encoded = new String[compared.size()];
                    for (int i = 0; i < encoded.length; i++) {
                        encoded[i] = PythonJson.value(read(rs, values.length + i + 1, compared.get(i)));
                    }
                    Existing previous = existing.putIfAbsent(RowKey.text(values), new Existing(values, encoded));
                    if (previous != null) {
                        previous.count++;
                    }
                }
            }
        }
        return nullKeys;
    }

    private Object read(ResultSet rs, int index, Column column) throws SQLException {
        try {
            return dialect.read(rs, index, column.type());
        } catch (ValueException e) {
            throw new MateyException("Cannot compare data file '" + file.file().name() + "' with table '"
                    + file.table().name() + "': column '" + column.name() + "' (" + column.type().label() + ") "
                    + e.getMessage() + ".");
        }
    }

    private boolean changed(Row row, List<Column> compared, Existing current) {
        for (int i = 0; i < row.values().length; i++) {
            Column column = row.columns().get(i);
            if (!key.columns().contains(column)
                    && !PythonJson.value(row.values()[i]).equals(current.values[compared.indexOf(column)])) {
                return true;
            }
        }
        return false;
    }

    private void insert(Batches batches, Row row) throws SQLException {
        String sql = insertSql.computeIfAbsent(row.columns(), columns -> dialect.insert(table, quoted(columns)));
        batches.add(sql, st -> {
            for (int i = 0; i < row.values().length; i++) {
                dialect.bind(st, i + 1, row.columns().get(i).type(), row.values()[i]);
            }
        });
        inserted++;
    }

    private void update(Batches batches, Row row, int rows) throws SQLException {
        Update update = updates.computeIfAbsent(row.columns(), columns -> {
            List<Column> set = columns.stream().filter(c -> !key.columns().contains(c)).toList();
            return new Update(dialect.update(table, quoted(set), where()), set);
        });
        batches.add(update.sql(), st -> {
            int index = 1;
            for (Column column : update.set()) {
                dialect.bind(st, index++, column.type(), row.value(column));
            }
            for (Column column : key.columns()) {
                dialect.bind(st, index++, column.type(), row.value(column));
            }
        });
        updated += rows;
    }

    private void delete(Batches batches, String sql, Existing row) throws SQLException {
        batches.add(sql, st -> {
            for (int i = 0; i < row.key.length; i++) {
                dialect.bind(st, i + 1, key.columns().get(i).type(), row.key[i]);
            }
        });
        deleted += row.count;
    }

    private List<String> quoted(List<Column> columns) {
        return columns.stream().map(c -> dialect.quote(c.name())).toList();
    }

    private String where() {
        return key.columns().stream().map(c -> dialect.quote(c.name()) + " = ?").collect(Collectors.joining(" AND "));
    }
}
