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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a data set's deletes do to the rows that refer to them through a foreign key whose {@code ON DELETE} action
 * changes them ({@link ReferencingKeys}): a data apply changes no table the set does not replace. Before a file's
 * deletes are sent, the rows each such key would reach are counted (only the rows referring to the deleted ones,
 * and only where such keys exist), following the keys of the tables reached on; any reached row of a table the set
 * does not replace refuses the set, rolled back, naming the file, the key, its action and the rows. A table a later
 * file of the set replaces may lose rows to a {@code CASCADE}: they are counted as that file's deleted rows
 * (docs/architecture.md §3).
 */
final class SetCascades {

    /** Key conditions a query: few enough parameters for SQLite's 999 with composite and time keys. */
    private static final int KEYS_A_QUERY = 200;
    /** Where the condition on the deleted rows (alias {@code m0}) goes in a query. */
    private static final String DELETED = "\u0000";

    /** The rows a file's write deletes: every row, those with a null key column, and those of the keys listed. */
    record Deleted(boolean all, boolean nullKeys, List<Object[]> keys) {

        boolean none() {
            return !all && !nullKeys && keys.isEmpty();
        }
    }

    /** One condition on the deleted rows of table alias {@code m0}, with the keys it binds. */
    private record Part(String condition, List<Object[]> keys) {
    }

    /** A foreign key on the way from the file's table, with the condition on the rows it reaches. */
    private record Step(ReferencingKeys.Key key, String rows) {
    }

    private final Connection connection;
    private final DataDialect dialect;
    private final String set;
    private final Path targetDir;
    private final List<CheckedFile> files;
    /** Each file's table as the database located it, in set order; filled once a key is found. */
    private List<TableName> located;
    private final Map<TableName, List<ReferencingKeys.Key>> keys = new HashMap<>();
    /** Tables a later file replaces that the current file's deletes reach, with their rows before it. */
    private final Map<TableName, Long> reached = new LinkedHashMap<>();
    /** Rows a cascade deleted from a table a later file replaces, to count as that file's deleted rows. */
    private final Map<TableName, Long> cascaded = new HashMap<>();

    private CheckedFile file;
    private int index;
    private RowKey key;
    private List<Part> parts;
    private Set<String> deletedKeys;
    private final Set<String> selfDeleted = new HashSet<>();

    /** @param files the set's files in the order written; empty where the engine enforces no foreign key */
    SetCascades(Connection connection, DataDialect dialect, String set, Path targetDir, List<CheckedFile> files) {
        this.connection = connection;
        this.dialect = dialect;
        this.set = set;
        this.targetDir = targetDir;
        this.files = files;
    }

    /**
     * Refuses {@code deleted} rows of {@code file}'s table whose deletion would reach rows the set does not own.
     * Returns the keys of deleted rows that a key of the table on itself deletes with another deleted row, so that
     * their own deletes may find them gone.
     */
    Set<String> before(CheckedFile file, Deleted deleted) throws SQLException {
        reached.clear();
        selfDeleted.clear();
        if (deleted.none() || position(file) < 0) {
            return selfDeleted;
        }
        TableName table = locate(file);
        if (keys(table).isEmpty()) {
            return selfDeleted;
        }
        this.file = file;
        this.index = position(file);
        this.key = file.key();
        this.parts = parts(deleted);
        this.deletedKeys = deleted.all() ? null
                : deleted.keys().stream().map(RowKey::text).collect(Collectors.toCollection(HashSet::new));
        follow(table, file.table().sql(), 0, new ArrayList<>());
        for (Map.Entry<TableName, Long> entry : reached.entrySet()) {
            entry.setValue(rowCount(entry.getKey()));
        }
        return selfDeleted;
    }

    /** Counts the rows a cascade deleted from the tables later files replace, after the file's deletes. */
    void after() throws SQLException {
        for (Map.Entry<TableName, Long> entry : reached.entrySet()) {
            cascaded.merge(entry.getKey(), entry.getValue() - rowCount(entry.getKey()), Long::sum);
        }
        reached.clear();
    }

    /** {@code applied} with the rows earlier files' cascades deleted from its table counted as deleted. */
    AppliedFile counted(CheckedFile file, AppliedFile applied) throws SQLException {
        if (cascaded.isEmpty()) {
            return applied;
        }
        Long rows = cascaded.remove(locate(file));
        return rows == null ? applied : new AppliedFile(applied.file(), applied.table(), applied.mode(), applied.rows(),
                applied.inserted(), applied.updated(), applied.deleted() + rows.intValue(), applied.expired());
    }

    /**
     * Follows each key referring to the rows of {@code table} (SQL {@code sql}, alias {@code m<depth>}) that the
     * file deletes (depth 0: {@link #DELETED}) or that the last step of {@code path} reaches.
     */
    private void follow(TableName table, String sql, int depth, List<Step> path) throws SQLException {
        String parent = "m" + depth;
        String child = "m" + (depth + 1);
        for (ReferencingKeys.Key ref : keys(table)) {
            if (path.stream().anyMatch(step -> step.key().equals(ref))) {
                continue;
            }
            StringBuilder join = new StringBuilder();
            for (int i = 0; i < ref.columns().size(); i++) {
                join.append(child).append('.').append(dialect.quote(ref.columns().get(i))).append(" = ").append(parent)
                        .append('.').append(dialect.quote(ref.referenced().get(i))).append(" AND ");
            }
            String rows = "EXISTS (SELECT 1 FROM " + sql + " " + parent + " WHERE " + join
                    + (depth == 0 ? DELETED : path.get(path.size() - 1).rows()) + ")";
            int owner = owner(ref.table());
            if (owner == index) {
                refuseKeptRows(ref, rows, path);
                continue;
            }
            long touched = count("SELECT count(*) FROM " + ref.sql() + " " + child + " WHERE " + rows);
            if (touched == 0) {
                continue;
            }
            List<Step> next = new ArrayList<>(path);
            next.add(new Step(ref, rows));
            if (owner < index || !ref.deletes()) {
                throw refusal(next, touched, owner);
            }
            reached.putIfAbsent(ref.table(), 0L);
            follow(ref.table(), ref.sql(), depth + 1, next);
        }
    }

    /** A key of the file's table on itself (or reached back) refuses deleting rows the file keeps. */
    private void refuseKeptRows(ReferencingKeys.Key ref, String rows, List<Step> path) throws SQLException {
        if (deletedKeys == null) {
            return;
        }
        String alias = "m" + (path.size() + 1);
        String sql = "SELECT " + key.columns().stream().map(c -> dialect.selected(alias + "." + dialect.quote(c.name()),
                c.type())).collect(Collectors.joining(", ")) + " FROM " + ref.sql() + " " + alias + " WHERE " + rows;
        long kept = 0;
        for (Part part : parts) {
            try (PreparedStatement ps = prepared(sql, part); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[key.columns().size()];
                    boolean nullKey = false;
                    for (int i = 0; i < values.length; i++) {
                        values[i] = readKey(rs, i + 1, key.columns().get(i));
                        nullKey |= values[i] == null;
                    }
                    String text = RowKey.text(values);
                    if (!nullKey && !deletedKeys.contains(text)) {
                        kept++;
                    } else if (!nullKey && ref.deletes()) {
                        selfDeleted.add(text);
                    }
                }
            }
        }
        if (kept > 0) {
            List<Step> next = new ArrayList<>(path);
            next.add(new Step(ref, rows));
            throw refusal(next, kept, index);
        }
    }

    private Object readKey(ResultSet rs, int index, Column column) throws SQLException {
        try {
            return dialect.read(rs, index, column.type());
        } catch (ValueException e) {
            throw new MateyException("Cannot read key column '" + column.name() + "' of table '" + file.table().name()
                    + "': " + e.getMessage() + ".");
        }
    }

    /** The sum of {@code sql}'s count over the parts of the deleted rows. */
    private long count(String sql) throws SQLException {
        long rows = 0;
        for (Part part : parts) {
            try (PreparedStatement ps = prepared(sql, part); ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows += rs.getLong(1);
            }
        }
        return rows;
    }

    private PreparedStatement prepared(String sql, Part part) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql.replace(DELETED, part.condition()));
        try {
            int at = 1;
            for (Object[] values : part.keys()) {
                for (int i = 0; i < values.length; i++) {
                    at = dialect.bindKey(ps, at, key.columns().get(i).type(), values[i]);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** The deleted rows of the file's table (alias {@code m0}) as conditions of at most {@link #KEYS_A_QUERY} keys. */
    private List<Part> parts(Deleted deleted) {
        if (deleted.all()) {
            return List.of(new Part("1 = 1", List.of()));
        }
        List<Part> parts = new ArrayList<>();
        List<String> columns = key.columns().stream().map(c -> "m0." + dialect.quote(c.name())).toList();
        if (deleted.nullKeys()) {
            parts.add(new Part("(" + columns.stream().map(c -> c + " IS NULL").collect(Collectors.joining(" OR "))
                    + ")", List.of()));
        }
        String one = "(" + String.join(" AND ", IntStream.range(0, columns.size())
                .mapToObj(i -> dialect.keyEquals(columns.get(i), "?", key.columns().get(i).type())).toList()) + ")";
        List<Object[]> keys = deleted.keys();
        for (int from = 0; from < keys.size(); from += KEYS_A_QUERY) {
            List<Object[]> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_A_QUERY));
            parts.add(new Part("(" + String.join(" OR ", Collections.nCopies(chunk.size(), one)) + ")", chunk));
        }
        return parts;
    }

    private List<ReferencingKeys.Key> keys(TableName table) throws SQLException {
        List<ReferencingKeys.Key> found = keys.get(table);
        if (found == null) {
            found = ReferencingKeys.of(connection, dialect, table);
            keys.put(table, found);
        }
        return found;
    }

    private TableName locate(CheckedFile file) throws SQLException {
        if (located == null) {
            located = new ArrayList<>();
            for (CheckedFile each : files) {
                located.add(dialect.locate(connection, each.file().table()).orElse(each.file().table()));
            }
        }
        return located.get(position(file));
    }

    /** The file's index in the set; -1 where nothing is followed. Files are compared as the same instance. */
    private int position(CheckedFile file) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i) == file) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the set's file that replaces {@code table}; -1 when none does. */
    private int owner(TableName table) throws SQLException {
        for (int i = 0; i < files.size(); i++) {
            if (locate(files.get(i)).equals(table) && files.get(i).file().mode() == DataMode.REPLACE) {
                return i;
            }
        }
        return -1;
    }

    private long rowCount(TableName table) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table.quoted(dialect))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A table as a manifest names it: unqualified in the file's own table's schema. */
    private String shown(TableName table) {
        TableName own = located.get(index);
        return (Objects.equals(table.schema(), own.schema()) ? new TableName(null, table.name()) : table).toString();
    }

    /**
     * The set refused: the last step's key would change {@code rows} rows of its table, which file {@code owner} of
     * the set replaces (before the file, or the file itself) or none does (-1).
     */
    private MateyException refusal(List<Step> path, long rows, int owner) {
        ReferencingKeys.Key last = path.get(path.size() - 1).key();
        String table = "'" + shown(last.table()) + "'";
        String done = last.deletes() ? "delete " + rows + " row(s) of table " + table
                : "set column(s) " + String.join(", ", last.columns()) + " of " + rows + " row(s) of table " + table
                        + " to " + (last.action().equals("SET NULL") ? "NULL" : "their default");
        StringBuilder via = new StringBuilder();
        for (Step step : path.subList(0, path.size() - 1)) {
            via.append(", through the rows of table '").append(shown(step.key().table())).append("' that foreign key '")
                    .append(step.key().name()).append("' (ON DELETE ").append(step.key().action())
                    .append(") deletes with them");
        }
        String name = "'" + file.file().name() + "'";
        String start = targetDir.resolve(file.file().path()) + ": data file " + name + " (mode " + file.file().mode().id()
                + ") deletes rows of table '" + file.table().name() + "' that it no longer holds, and foreign key '"
                + last.name() + "' of table " + table + " (ON DELETE " + last.action() + ") would " + done
                + " that refer to them" + via + "; ";
        String rolledBack = " The set's transaction was rolled back; no table was changed. ";
        String again = ", and run `matey data apply` again.";
        if (owner < 0) {
            return new MateyException(start + "data set '" + set + "' does not replace table " + table + ", and data "
                    + "apply changes no table outside its set." + rolledBack + "Add table " + table + " to the set "
                    + "(mode replace, listed after " + name + "), or delete those rows (or the rows of '"
                    + file.table().name() + "' they refer to) in a migration first" + again);
        }
        String owning = "'" + files.get(owner).file().name() + "'";
        if (owner == index) {
            return new MateyException(start + "data file " + name + " holds those rows, and the set would not leave the "
                    + "table equal to it." + rolledBack + "Change those rows in the file so that they refer to rows it "
                    + "keeps, or keep the rows they refer to" + again);
        }
        if (owner < index) {
            return new MateyException(start + "data file " + owning + ", applied before it, holds those rows, and the "
                    + "set would not leave table " + table + " equal to it." + rolledBack + "Remove those rows from data "
                    + "file " + owning + ", or keep the rows they refer to in data file " + name + again);
        }
        return new MateyException(start + "data file " + owning + ", applied after it, replaces table " + table
                + ", but would compare rows the database has already changed, which its report could not count."
                + rolledBack + "List data file " + owning + " before " + name + " in the set, so that its own replace "
                + "removes or changes those rows first, or change them in a migration first" + again);
    }
}
