package io.matey.engine.sqlite;

import io.matey.codegen.model.Column;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.ForeignKey;
import io.matey.codegen.model.Index;
import io.matey.codegen.model.Table;
import io.matey.codegen.model.UniqueConstraint;
import io.matey.engine.MigrationTable;
import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SQLite through {@code sqlite_master} and the table pragmas. Virtual tables and their shadow tables are left
 * out: they are modules' storage, not tables an application maps.
 */
final class SqliteModelReader {

    private record Entry(String type, String name, String sql) {
    }

    List<Table> read(Connection connection) throws SQLException {
        Set<String> shadow = names(connection, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'");
        Map<String, Entry> entries = new TreeMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view')")) {
            while (rs.next()) {
                Entry entry = new Entry(rs.getString(1), rs.getString(2), rs.getString(3));
                String lower = entry.name().toLowerCase(Locale.ROOT);
                boolean virtual = entry.sql() != null && entry.sql().stripLeading().toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL");
                if (!lower.startsWith("sqlite_") && !entry.name().equals(MigrationTable.NAME) && !shadow.contains(entry.name()) && !virtual) {
                    entries.put(entry.name(), entry);
                }
            }
        }
        Map<String, Set<String>> options = tableOptions(connection);
        List<Table> tables = new ArrayList<>();
        for (Entry entry : entries.values()) {
            tables.add(entry.type().equals("view") ? view(connection, entry)
                    : table(connection, entry, entries, options.getOrDefault(entry.name(), Set.of())));
        }
        return tables;
    }

    /** Each table's {@code WITHOUT ROWID} and {@code STRICT}, as SQLite itself reads them from the DDL. */
    private static Map<String, Set<String>> tableOptions(Connection connection) throws SQLException {
        Map<String, Set<String>> options = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name, wr, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'")) {
            while (rs.next()) {
                Set<String> set = new LinkedHashSet<>();
                if (rs.getInt(2) == 1) {
                    set.add(SqliteCodegen.WITHOUT_ROWID);
                }
                if (rs.getInt(3) == 1) {
                    set.add(SqliteCodegen.STRICT);
                }
                options.put(rs.getString(1), set);
            }
        }
        return options;
    }

    private Table view(Connection connection, Entry entry) throws SQLException {
        List<Column> columns = new ArrayList<>();
        forEachColumn(connection, entry.name(), rs -> columns.add(new Column(rs.getString("name"),
                type(rs.getString("type")), true, null, null, false, null, null, null)));
        return new Table(null, entry.name(), true, null, columns, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private Table table(Connection connection, Entry entry, Map<String, Entry> all, Set<String> options)
            throws SQLException {
        SqliteDdl.TableParts ddl = SqliteDdl.table(entry.sql());
        List<Column> columns = new ArrayList<>();
        Map<Integer, String> keyOrder = new TreeMap<>();
        forEachColumn(connection, entry.name(), rs -> {
            String name = rs.getString("name");
            int pk = rs.getInt("pk");
            if (pk > 0) {
                keyOrder.put(pk, name);
            }
            Column.Generated generated = rs.getInt("hidden") >= 2 ? ddl.generated().get(name) : null;
            columns.add(new Column(name, type(rs.getString("type")), rs.getInt("notnull") == 0 && pk == 0,
                    rs.getString("dflt_value"), null, false, null, generated, null));
        });
        List<String> primaryKey = List.copyOf(keyOrder.values());
        if (primaryKey.size() == 1 && !keyHasIndex(connection, entry.name())) {
            markRowidAlias(columns, primaryKey.get(0));
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        readIndexes(connection, entry.name(), uniques, indexes);
        return new Table(null, entry.name(), false, null, columns, primaryKey, foreignKeys(connection, entry.name(), all),
                uniques, ddl.checks(), indexes, null, List.of(), options);
    }

    /**
     * A key without an index of its own is the rowid (an alias of it): SQLite assigns it when an insert leaves it
     * out, like a serial key (generated classes then need no value for it). SQLite's own verdict, so its rule holds
     * exactly: a rowid table's single-column key declared exactly INTEGER, not {@code INTEGER PRIMARY KEY DESC} in
     * the column definition (though {@code PRIMARY KEY (id DESC)} as a table constraint is one); every other key,
     * and every WITHOUT ROWID table's, gets an index of origin {@code pk}.
     */
    private static void markRowidAlias(List<Column> columns, String key) {
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.name().equals(key)) {
                columns.set(i, new Column(c.name(), c.type(), c.nullable(), c.serverDefault(), c.sequence(), true,
                        c.identity(), c.generated(), c.comment()));
            }
        }
    }

    private static boolean keyHasIndex(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM pragma_index_list(?) WHERE origin = 'pk'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void forEachColumn(Connection connection, String table, Rows.RowHandler handler) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM pragma_table_xinfo(?) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt("hidden") != 1) {
                        handler.row(rs);
                    }
                }
            }
        }
    }

    private List<ForeignKey> foreignKeys(Connection connection, String table, Map<String, Entry> all) throws SQLException {
        record Row(int id, String table, String from, String to, String onUpdate, String onDelete) {
        }
        Map<Integer, List<Row>> byId = new TreeMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs.getInt("id"), rs.getString("table"), rs.getString("from"), rs.getString("to"),
                            rs.getString("on_update"), rs.getString("on_delete"));
                    byId.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(row);
                }
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<Row> rows : byId.values()) {
            // SQLite compares names case-insensitively; the model uses the name the table was created with.
            String referenced = all.keySet().stream().filter(n -> n.equalsIgnoreCase(rows.get(0).table()))
                    .findFirst().orElse(rows.get(0).table());
            List<String> refColumns = rows.get(0).to() == null
                    ? primaryKeyOf(connection, referenced) : rows.stream().map(Row::to).toList();
            keys.add(new ForeignKey(null, rows.stream().map(Row::from).toList(), null, referenced, refColumns,
                    action(rows.get(0).onUpdate()), action(rows.get(0).onDelete())));
        }
        return keys;
    }

    private static String action(String action) {
        return action == null || action.equalsIgnoreCase("NO ACTION") ? null : action;
    }

    private List<String> primaryKeyOf(Connection connection, String table) throws SQLException {
        Map<Integer, String> keyOrder = new TreeMap<>();
        forEachColumn(connection, table, rs -> {
            if (rs.getInt("pk") > 0) {
                keyOrder.put(rs.getInt("pk"), rs.getString("name"));
            }
        });
        return List.copyOf(keyOrder.values());
    }

    private void readIndexes(Connection connection, String table, List<UniqueConstraint> uniques, List<Index> indexes)
            throws SQLException {
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name, \"unique\", origin FROM pragma_index_list(?) ORDER BY name")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    origins.put(rs.getString(1), rs.getString(3));
                    unique.put(rs.getString(1), rs.getInt(2) == 1);
                }
            }
        }
        for (Map.Entry<String, String> index : origins.entrySet()) {
            String name = index.getKey();
            switch (index.getValue()) {
                case "u" -> uniques.add(new UniqueConstraint(null, keyColumns(connection, name)));
                case "c" -> indexes.add(explicitIndex(connection, name, unique.get(name)));
                default -> {
                    // "pk": the primary key's own index
                }
            }
        }
    }

    private List<String> keyColumns(Connection connection, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private Index explicitIndex(Connection connection, String name, boolean unique) throws SQLException {
        String sql;
        try (PreparedStatement ps = connection.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sql = rs.getString(1);
            }
        }
        SqliteDdl.IndexParts ddl = SqliteDdl.index(sql);
        List<Index.Part> parts = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seqno, cid, name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String options = rs.getInt(4) == 1 ? Index.Part.DESC : null;
                    parts.add(rs.getInt(2) >= 0 ? new Index.Part(rs.getString(3), null, options)
                            : new Index.Part(null, ddl.parts().get(rs.getInt(1)), options));
                }
            }
        }
        return new Index(name, unique, parts, ddl.where(), null, Map.of());
    }

    /** Decodes a declared type such as {@code VARCHAR(40)} or {@code NUMERIC(10, 2)}; SQLite keeps it verbatim. */
    static ColumnType type(String declared) {
        String text = declared == null ? "" : declared.strip();
        int open = text.indexOf('(');
        String name = (open < 0 ? text : text.substring(0, open)).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        List<Integer> args = new ArrayList<>();
        if (open >= 0 && text.endsWith(")")) {
            for (String arg : text.substring(open + 1, text.length() - 1).split(",")) {
                try {
                    args.add(Integer.parseInt(arg.strip()));
                } catch (NumberFormatException e) {
                    // a size SQLite ignores anyway, such as VARCHAR(MAX)
                }
            }
        }
        boolean sized = name.contains("char") || name.contains("clob") || name.contains("text") || name.contains("binary");
        Integer first = args.isEmpty() ? null : args.get(0);
        Integer second = args.size() > 1 ? args.get(1) : null;
        return new ColumnType(name, text, sized ? first : null, sized ? null : first, sized ? null : second, false,
                List.of(), null, null, null);
    }

    private static Set<String> names(Connection connection, String sql) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
