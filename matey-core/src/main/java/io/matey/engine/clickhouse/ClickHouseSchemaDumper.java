package io.matey.engine.clickhouse;

import io.matey.schema.DependencyOrder;
import io.matey.error.MateyException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The canonical dump of the connected database (docs/architecture.md §5): every object of {@code system.tables} —
 * tables of any engine (with projections, indexes, TTL, codecs and settings), views, materialized views and
 * dictionaries — in one catalog query, each rendered from the server's own formatting of its CREATE query through
 * {@link CreateQuery}. Objects are sorted by kind (tables, dictionaries, views) then name, each after the objects
 * it reads, so the dump loads in order. Materialized views' inner tables and bookkeeping tables are left out
 * ({@link ClickHouseSchemaObjects}).
 */
final class ClickHouseSchemaDumper {

    private static final Set<String> VIEW_ENGINES = Set.of("View", "MaterializedView", "LiveView", "WindowView");

    private record DumpedObject(String key, String name, String text, Set<String> references) {
    }

    private final Connection connection;

    ClickHouseSchemaDumper(Connection connection) {
        this.connection = connection;
    }

    String dump() throws SQLException {
        String database = currentDatabase(connection);
        List<DumpedObject> objects = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name, engine, hex(formatQuery(create_table_query)) FROM system.tables WHERE "
                        + ClickHouseSchemaObjects.CONDITION + " ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (ClickHouseSchemaObjects.bookkeeping(name)) {
                    continue;
                }
                String text = CreateQuery.canonical(definition(name, ClickHouseUtf8.ofHex(rs.getString(3))), database, name);
                objects.add(new DumpedObject(rank(rs.getString(2)) + " " + name, name, text, CreateQuery.references(text)));
            }
        }
        Map<String, String> keyByName = new HashMap<>();
        objects.forEach(o -> keyByName.put(o.name(), o.key()));
        List<DumpedObject> ordered = DependencyOrder.sort(objects, DumpedObject::key, o -> o.references().stream()
                .map(keyByName::get).filter(k -> k != null).collect(Collectors.toSet()));
        return ordered.stream().map(o -> o.text() + ";\n").collect(Collectors.joining("\n"));
    }

    /**
     * An object's definition as UTF-8 text. ClickHouse writes the bytes of a string literal, comment or quoted name
     * as they are, so bytes that are not UTF-8 ({@code '\\xFF'}) have no form in schema.sql (docs/architecture.md §3).
     */
    private static String definition(String name, ClickHouseUtf8 query) {
        String text = query.text();
        if (text == null) {
            throw new MateyException("ClickHouse object '" + name + "': its definition holds bytes that are not UTF-8 ("
                    + query.firstBadByte() + "), in a string literal, comment or quoted name, "
                    + "which ClickHouse writes back as raw bytes that schema.sql (UTF-8) cannot hold. Write such a value "
                    + "as an expression, e.g. unhex('FF'), and comments and names in UTF-8.");
        }
        return text;
    }

    /** Tables first, then dictionaries (which read tables), then views; dependencies may pull an object earlier. */
    private static int rank(String engine) {
        if (engine.equals("Dictionary")) {
            return 2;
        }
        return VIEW_ENGINES.contains(engine) ? 3 : 1;
    }

    static String currentDatabase(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT currentDatabase()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
