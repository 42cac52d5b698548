package io.matey.data;

import io.matey.error.MateyException;
import java.nio.file.Path;
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
 * left alone and, for replace, rows whose key the file lacks deleted. A key is the table's when the database holds
 * it equal ({@link DatabaseKeys}): such a row is updated in place, its key spelled as the file spells it, so rows
 * referring to it stay valid. Columns a file does not name keep their
 * values. Columns the engine cannot update ({@link DataDialect#immutableColumns}) are left out of updates, and a row
 * that changes one is refused before anything of the file is written; a row that is another version of a table row
 * ({@link CheckedFile#version}) is written in its place. Without a key, replace deletes every row and
 * inserts the file. The inserts, updates and deletes go to
 * the engine as one {@link TableChanges} ({@link DataDialect#write}), which decides how many statements they take.
 * A table that may drop rows as they are written ({@link DataDialect#dropsExpiredRows}) has its expired rows dropped
 * before and after writing, so that the rows it did not keep are reported rather than counted as kept: with a key,
 * the rows written whose key the table no longer holds, read as they were compared ({@link DataDialect#readFrom}:
 * a key ClickHouse holds twice until a merge is one row, and a newer version that hides an older one is kept);
 * without one, the table's rows counted before and after (docs/architecture.md §3).
 */
final class TableWrite {

    /**
     * A table row with a key: its key values, its compared values as JSON text, how many rows share the key, and
     * the file row that keeps it (null: none, so replace deletes it).
     */
    private static final class Existing {
        final Object[] key;
        final String[] values;
        int count = 1;
        Row keptBy;

        Existing(Object[] key, String[] values) {
            this.key = key;
            this.values = values;
        }
    }

    private final Connection connection;
    private final DataDialect dialect;
    private final CheckedFile file;
    private final Path path;
    private final String table;
    private final RowKey key;
    private final Map<Column, String> immutable;
    /** The key column that versions its row ({@link CheckedFile#version}); null when there is none. */
    private final Column version;
    private final TableChanges changes;
    /**
     * The quoted columns of each row shape, of those an update sets and of those an update that respells the key
     * sets; rows naming the same columns share one list.
     */
    private final Map<List<Column>, TableChanges.Columns> shapes = new IdentityHashMap<>();
    private final Map<List<Column>, TableChanges.Columns> setShapes = new IdentityHashMap<>();
    private final Map<List<Column>, TableChanges.Columns> respelledShapes = new IdentityHashMap<>();
    private final DatabaseForms forms;

    private int inserted;
    /** Rows inserted as new versions of rows the table holds (counted as updated). */
    private int versioned;
    private int updated;
    private int deleted;
    /** Whether the table may drop rows as they are written, so that {@link #written} is kept. */
    private boolean counted;
    /** The keys of the rows inserted or updated (as {@link RowKey#text}), with how many table rows each wrote. */
    private final Map<String, Integer> written = new HashMap<>();
    /** Replace deletes the table's rows with a null key column, which no file row can match. */
    private boolean deleteNullKeys;
    private boolean started;

    /** @param path the data file, to name in errors */
    TableWrite(Connection connection, DataDialect dialect, CheckedFile file, Path path) {
        this.connection = connection;
        this.path = path;
        this.dialect = dialect;
        this.file = file;
        this.table = file.table().sql();
        this.key = file.key();
        this.immutable = file.immutable();
        this.version = file.version();
        this.changes = new TableChanges(table, key == null ? null : columns(key.columns()));
        this.forms = new DatabaseForms(connection, dialect);
    }

    /**
     * Reads the table and chooses the changes, writing nothing: a row the table cannot take as it is (one changing
     * an immutable column, a key the database holds equal to another) fails here.
     */
    void plan() throws SQLException {
        checkRewritten();
        if (key == null) {
            file.rows().forEach(this::insert);
        } else {
            sync();
        }
    }

    /** Has the database read each value of a type it rewrites ({@link DatabaseForms}), so that a bad one names its line. */
    void checkRewritten() throws SQLException {
        if (file.table().dataColumns().stream().noneMatch(c -> dialect.rewritesValues(c.type()))) {
            return;
        }
        forms.ask(file.rows());
        for (Row row : file.rows()) {
            for (int i = 0; i < row.values().length; i++) {
                if (dialect.rewritesValues(row.columns().get(i).type())) {
                    compared(row, i);
                }
            }
        }
    }

    /** Whether a statement changing the table's rows was sent, so that a failure may have left it partly written. */
    boolean started() {
        return started;
    }

    /** Writes the file; {@code cascades} sees its deletes before they are sent and counts what they reached after. */
    AppliedFile write(SetCascades cascades) throws SQLException {
        counted = dialect.dropsExpiredRows(connection, file.table().name());
        if (counted) {
            dialect.dropExpiredRows(connection, table);
        }
        long before = counted && key == null ? rowCount() : 0;
        plan();
        changes.uncountDeletes(cascades.before(file, deleted()));
        started = true;
        if (key == null && file.file().mode() == DataMode.REPLACE) {
            try (Statement st = connection.createStatement()) {
                deleted = st.executeUpdate(dialect.delete(table, ""));
            }
        }
        if (deleteNullKeys) {
            // no key to list: one statement, before the changes (rows with and without null keys are disjoint)
            try (Statement st = connection.createStatement()) {
                st.execute(dialect.delete(table, key.columns().stream()
                        .map(c -> dialect.quote(c.name()) + " IS NULL").collect(Collectors.joining(" OR "))));
            }
        }
        dialect.write(connection, changes);
        cascades.after();
        if (inserted + versioned > 0) {
            dialect.afterInsert(connection, table);
        }
        int expired = counted ? expired(before) : 0;
        return new AppliedFile(file.file().name(), file.table().name(), file.file().mode(), file.rows().size(),
                inserted, updated, deleted, expired);
    }

    /** The rows the planned changes delete. */
    private SetCascades.Deleted deleted() {
        List<Object[]> keys = new ArrayList<>();
        for (TableChanges.Change change : changes.changes()) {
            if (change instanceof TableChanges.Delete delete) {
                keys.add(delete.key());
            }
        }
        return new SetCascades.Deleted(key == null && file.file().mode() == DataMode.REPLACE, deleteNullKeys, keys);
    }

    /** The written rows the table did not keep, once the expired ones are dropped (the engine may drop them any time). */
    private int expired(long before) throws SQLException {
        dialect.dropExpiredRows(connection, table);
        if (key == null) {
            // a replace without key empties the table whatever its delete reports (a TRUNCATE reports no rows)
            long expected = file.file().mode() == DataMode.REPLACE ? inserted : before + inserted - deleted;
            return (int) Math.max(0, expected - rowCount());
        }
        Map<String, Existing> kept = new HashMap<>();
        read(List.of(), kept);
        return written.entrySet().stream().filter(e -> !kept.containsKey(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    private long rowCount() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sync() throws SQLException {
        List<Column> compared = compared();
        Map<String, Existing> existing = new HashMap<>(file.rows().size() * 2);
        int nullKeys = read(compared, existing);
        List<Row> rows = file.rows();
        Existing[] identical = new Existing[rows.size()];
        List<Row> unmatched = new ArrayList<>();
        for (int i = 0; i < identical.length; i++) {
            // an empty table (a first apply) spares each row its key's text
            identical[i] = existing.isEmpty() ? null : existing.get(RowKey.text(key.values(rows.get(i))));
            if (identical[i] == null) {
                unmatched.add(rows.get(i));
            } else {
                identical[i].keptBy = rows.get(i);
            }
        }
        Map<Row, Existing> equal = equalInDatabase(unmatched, existing);
        Map<Row, List<Existing>> versionsOf = otherVersions(unmatched, existing);
        boolean replace = file.file().mode() == DataMode.REPLACE;
        if (replace) {
            for (Existing row : existing.values()) {
                if (row.keptBy == null) {
                    changes.add(new TableChanges.Delete(row.key, row.count));
                    deleted += row.count;
                }
            }
            deleteNullKeys = nullKeys > 0;
            deleted += nullKeys;
        }
        for (int i = 0; i < identical.length; i++) {
            Row row = rows.get(i);
            Existing current = identical[i];
            if (current != null) {
                if (changed(row, compared, current)) {
                    requireMutable(row, compared, current);
                    update(row, key.values(row), current.count, false);
                }
            } else if ((current = equal.get(row)) != null) {
                // the key as the file spells it replaces the table's, in place
                requireMutable(row, compared, current);
                update(row, current.key, current.count, true);
            } else if (versionsOf.containsKey(row)) {
                newVersion(row, versionsOf.get(row));
            } else {
                insert(row);
            }
        }
    }

    /**
     * The table rows that the rows without an identical key equal as the database compares keys ({@link DatabaseKeys});
     * marks them kept. Integers compare alike everywhere, so keys of integers alone need no database.
     */
    private Map<Row, Existing> equalInDatabase(List<Row> unmatched, Map<String, Existing> existing)
            throws SQLException {
        if (unmatched.isEmpty() || unmatched.size() == 1 && existing.isEmpty() || dialect.keysEqualOnlyWhenIdentical()
                || key.columns().stream().allMatch(c -> c.type().kind() == ValueKind.INTEGER)) {
            return Map.of();
        }
        DatabaseKeys.Matches matches = new DatabaseKeys(connection, dialect, table, key, this::read)
                .match(unmatched, !existing.isEmpty());
        if (matches.equal() != null) {
            throw key.equalKeys(path, matches.equal().earlier(), matches.equal().later());
        }
        Map<Row, Existing> equal = new HashMap<>();
        matches.tableKeys().forEach((row, keys) -> {
            Existing match = existing.get(RowKey.text(keys.get(0)));
            for (Object[] other : keys) {
                if (existing.get(RowKey.text(other)) != match) {
                    throw new MateyException(path + ":" + row.line() + ": the row's key " + RowKey.text(key.values(row))
                            + " equals several keys of table '" + file.table().name() + "' as the database compares "
                            + "them: " + RowKey.text(keys.get(0)) + " and " + RowKey.text(other)
                            + ". Give the row the key of the one it stands for.");
                }
            }
            Row earlier = match.keptBy;
            if (earlier != null) {
                throw earlier.line() < row.line() ? key.equalKeys(path, earlier, row) : key.equalKeys(path, row, earlier);
            }
            match.keptBy = row;
            equal.put(row, match);
        });
        return equal;
    }

    /**
     * The table rows of which each row without an identical key is another version ({@link CheckedFile#version}): the
     * same key but for the version. They are marked kept, since the row takes their place ({@link #newVersion}).
     */
    private Map<Row, List<Existing>> otherVersions(List<Row> unmatched, Map<String, Existing> existing) {
        if (version == null || unmatched.isEmpty()) {
            return Map.of();
        }
        int at = key.columns().indexOf(version);
        Map<String, List<Existing>> byRow = new HashMap<>();
        for (Existing row : existing.values()) {
            if (row.keptBy == null) {
                byRow.computeIfAbsent(RowKey.text(RowKey.without(row.key, at)), k -> new ArrayList<>()).add(row);
            }
        }
        Map<Row, List<Existing>> versionsOf = new HashMap<>();
        for (Row row : unmatched) {
            List<Existing> others = byRow.get(RowKey.text(RowKey.without(key.values(row), at)));
            if (others != null) {
                others.forEach(other -> other.keptBy = row);
                versionsOf.put(row, others);
            }
        }
        return versionsOf;
    }

    /**
     * A row with another version than the table's: the table's version is deleted and the row inserted, so the
     * table shows the file's row whichever version is higher (docs/architecture.md §3), and counted as updated.
     */
    private void newVersion(Row row, List<Existing> others) {
        for (Existing other : others) {
            changes.add(new TableChanges.Delete(other.key, other.count));
        }
        changes.add(new TableChanges.Insert(shapes.computeIfAbsent(row.columns(), this::columns), row.values(),
                row.line()));
        versioned++;
        updated++;
        wrote(row, 1);
    }

    /** The non-key columns any row names, in table order. */
    private List<Column> compared() {
        Set<List<Column>> shapes = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Column> last = null;
        for (Row row : file.rows()) {
            // consecutive rows mostly share their shape: one set look-up per run of them
            if (row.columns() != last) {
                last = row.columns();
                shapes.add(last);
            }
        }
        Set<Column> named = new HashSet<>();
        shapes.forEach(named::addAll);
        return file.table().dataColumns().stream().filter(c -> named.contains(c) && !key.columns().contains(c)).toList();
    }

    /** Reads the table's rows by key; returns how many have a null key column, which no file row can match. */
    private int read(List<Column> compared, Map<String, Existing> existing) throws SQLException {
        List<Column> keyColumns = key.columns();
        List<Column> selected = new ArrayList<>(keyColumns);
        selected.addAll(compared);
        String sql = "SELECT " + selected.stream().map(c -> dialect.selected(dialect.quote(c.name()), c.type()))
                .collect(Collectors.joining(", ")) + " FROM " + dialect.readFrom(connection, file.table().name(), table);
        int nullKeys = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setFetchSize(Batches.SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[keyColumns.size()];
                    boolean nullKey = false;
                    for (int i = 0; i < values.length; i++) {
                        values[i] = read(rs, i + 1, keyColumns.get(i), null);
                        nullKey |= values[i] == null;
                    }
                    if (nullKey) {
                        nullKeys++;
                        continue;
                    }
                    String[] encoded = new String[compared.size()];
                    for (int i = 0; i < encoded.length; i++) {
                        encoded[i] = PythonJson.value(read(rs, values.length + i + 1, compared.get(i), values));
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

    private Object read(ResultSet rs, int index, Column column) {
        return read(rs, index, column, null);
    }

    /**
     * A table value; one no file form holds (or the driver cannot convert: the row is already fetched) is an error
     * naming its column and, once read, its row's key.
     */
    private Object read(ResultSet rs, int index, Column column, Object[] rowKey) {
        try {
            return dialect.read(rs, index, column.type());
        } catch (ValueException | RuntimeException | SQLException e) {
            throw new MateyException("Cannot compare data file '" + file.file().name() + "' with table '"
                    + file.table().name() + "': " + (rowKey == null ? "" : "row " + key.columns().stream().map(Column::name).toList() + " = "
                    + RowKey.text(rowKey) + ", ")
                    + "column '" + column.name() + "' (" + column.type().label() + "): " + e.getMessage() + ".");
        }
    }

    private boolean changed(Row row, List<Column> compared, Existing current) {
        for (int i = 0; i < row.values().length; i++) {
            Column column = row.columns().get(i);
            if (!key.columns().contains(column) && !compared(row, i).equals(current.values[compared.indexOf(column)])) {
                return true;
            }
        }
        return false;
    }

    /** The row's {@code i}th value as it compares with the table's ({@link DatabaseForms}). */
    private String compared(Row row, int i) {
        Column column = row.columns().get(i);
        try {
            return forms.value(column, row.values()[i]);
        } catch (ValueException e) {
            throw new MateyException(path + ":" + row.line() + ": column '" + column.name() + "': " + e.getMessage());
        }
    }

    /** A change of a column the engine cannot update is refused: the file's key must name it (see the class comment). */
    private void requireMutable(Row row, List<Column> compared, Existing current) {
        for (int i = 0; i < row.values().length; i++) {
            Column column = row.columns().get(i);
            String why = immutable.get(column);
            if (why == null) {
                continue;
            }
            String now = current.values[compared.indexOf(column)];
            String next = compared(row, i);
            if (!next.equals(now)) {
                List<String> on = new ArrayList<>(key.columns().stream().map(Column::name).toList());
                on.add(column.name());
                throw new MateyException(path + ":" + row.line() + ": the row changes column '" + column.name()
                        + "' of table '" + file.table().name() + "' from " + now + " to " + next
                        + ", but the database cannot update '" + column.name()
                        + "' in place: it is " + why + ". Add it to the key of data file '" + file.file().name()
                        + "' (" + file.file().entry() + "): on = " + PythonJson.value(on) + ". "
                        + dialect.rekeyedRow(column.name(), why));
            }
        }
    }

    private void insert(Row row) {
        changes.add(new TableChanges.Insert(shapes.computeIfAbsent(row.columns(), this::columns), row.values(),
                row.line()));
        inserted++;
        if (key != null) {
            wrote(row, 1);
        }
    }

    /**
     * Updates the {@code rows} table rows of key {@code where} to {@code row}; with {@code respell}, the key columns
     * too, as the file spells them ({@link #sets}).
     */
    private void update(Row row, Object[] where, int rows, boolean respell) {
        TableChanges.Columns set = (respell ? respelledShapes : setShapes).computeIfAbsent(row.columns(),
                columns -> columns(columns.stream().filter(c -> sets(c, respell)).toList()));
        Object[] values = new Object[set.names().size()];
        int index = 0;
        for (int i = 0; i < row.values().length; i++) {
            if (sets(row.columns().get(i), respell)) {
                values[index++] = row.values()[i];
            }
        }
        changes.add(new TableChanges.Update(set, values, where, rows, row.line()));
        updated += rows;
        wrote(row, rows);
    }

    private void wrote(Row row, int rows) {
        if (counted) {
            written.put(RowKey.text(key.values(row)), rows);
        }
    }

    /**
     * Whether an update sets {@code column}: not one the engine cannot update (unchanged), nor the key, which
     * matches the row, unless it is {@code respell}ed; an integer is spelled one way only, and may be an identity
     * column an update cannot set.
     */
    private boolean sets(Column column, boolean respell) {
        return !immutable.containsKey(column) && (!key.columns().contains(column)
                || respell && column.type().kind() != ValueKind.INTEGER);
    }

    private TableChanges.Columns columns(List<Column> columns) {
        return new TableChanges.Columns(columns.stream().map(c -> dialect.quote(c.name())).toList(),
                columns.stream().map(Column::type).toList());
    }
}
