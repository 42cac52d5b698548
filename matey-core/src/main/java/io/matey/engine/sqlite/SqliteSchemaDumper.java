package io.matey.engine.sqlite;

import io.matey.engine.MigrationProgress;
import io.matey.schema.DependencyOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical SQLite schema: every object of {@code sqlite_master} with its stored SQL (SQLite keeps the
 * text it was given, amended by ALTER TABLE; the header's name unquoted by {@link HeaderName}, table references by
 * {@link TableReferences}, a view's trailing sqlite3-shell comment dropped by {@link ShellViewComment}), ordered tables, views (dependencies first), indexes, triggers,
 * each by name. Internal tables, virtual-table shadow tables and the migrations table ({@code schema_migrations}
 * unless dbmate's {@code --migrations-table} names another) are left out.
 */
final class SqliteSchemaDumper {

    private static final List<String> KIND_ORDER = List.of("table", "view", "index", "trigger");

    private final Connection connection;
    private final String migrationsTable;

    SqliteSchemaDumper(Connection connection, String migrationsTable) {
        this.connection = connection;
        this.migrationsTable = migrationsTable;
    }

    private record SchemaObject(String type, String name, String sql) {
    }

    String dump() throws SQLException {
        Set<String> shadowTables = shadowTables();
        Map<String, List<SchemaObject>> byKind = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master "
                        + "WHERE sql IS NOT NULL ORDER BY type, name")) {
            while (rs.next()) {
                String type = rs.getString(1);
                String name = rs.getString(2);
                String table = rs.getString(3);
                if (isInternal(name) || isInternal(table) || shadowTables.contains(name)) {
                    continue;
                }
                if (!KIND_ORDER.contains(type)) {
                    throw new SQLException("SQLite object '" + name + "' of type '" + type
                            + "' is not supported by the schema dump.");
                }
                String sql = type.equals("view") ? ShellViewComment.stripped(name, rs.getString(4)) : rs.getString(4);
                byKind.computeIfAbsent(type, k -> new ArrayList<>()).add(new SchemaObject(type, name, sql));
            }
        }
        List<String> statements = new ArrayList<>();
        for (String kind : KIND_ORDER) {
            List<SchemaObject> objects = byKind.getOrDefault(kind, List.of());
            List<SchemaObject> ordered = kind.equals("view")
                    ? DependencyOrder.sort(objects, SchemaObject::name, view -> referencedNames(view, objects))
                    : objects;
            ordered.forEach(o -> statements.add(TableReferences.unquoted(HeaderName.unquoted(o.sql().strip())) + ";\n"));
        }
        return String.join("\n", statements);
    }

    private boolean isInternal(String name) {
        return name.equals(migrationsTable) || name.equals(MigrationProgress.TABLE)
                || name.toLowerCase(Locale.ROOT).startsWith("sqlite_");
    }

    private static Set<String> referencedNames(SchemaObject view, List<SchemaObject> candidates) {
        Set<String> names = new HashSet<>();
        for (SchemaObject other : candidates) {
            Pattern word = Pattern.compile("(?i)(?<![\\w$])[\"`\\[]?" + Pattern.quote(other.name()) + "[\"`\\]]?(?![\\w$])");
            if (!other.name().equals(view.name()) && word.matcher(view.sql()).find()) {
                names.add(other.name());
            }
        }
        return names;
    }

    private Set<String> shadowTables() throws SQLException {
        Set<String> shadow = new HashSet<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'")) {
            while (rs.next()) {
                shadow.add(rs.getString(1));
            }
        }
        return shadow;
    }
}
