package io.matey.replay;

import io.matey.engine.Engine;
import io.matey.engine.MigrationTable;
import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The row count of each base table ({@link Engine#baseTablesQuery}) but the migrations table, which a replay compares after a data migration's
 * first and second up section: a down section that does not delete the rows its up section inserts leaves the
 * replay going on with them twice, where {@code db up} has them once (docs/architecture.md §6). Counts, not values:
 * an up section that rewrites rows the down section does not restore goes unseen.
 */
final class RowCounts {

    /** Tables per query: every table is counted in a few statements, however many there are. */
    private static final int PER_QUERY = 100;

    private RowCounts() {
    }

    /** Each base table's row count, by its name as messages show it; empty where the engine counts none. */
    static Optional<Map<String, Long>> of(Engine engine, Connection connection) throws SQLException {
        Optional<String> query = engine.baseTablesQuery();
        if (query.isEmpty()) {
            return Optional.empty();
        }
        List<String> tables = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Rows.forEach(connection, query.get(), rs -> {
            String schema = rs.getString(1);
            String table = rs.getString(2);
            if (table.equalsIgnoreCase(MigrationTable.NAME)) {
                return; // the runner's own rows; ClickHouse's down section adds one, and the checkpoint shows them
            }
            boolean bare = schema == null || schema.isEmpty();
            tables.add(bare ? engine.quote(table) : engine.quote(schema) + "." + engine.quote(table));
            names.add(bare ? table : schema + "." + table);
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int from = 0; from < tables.size(); from += PER_QUERY) {
            List<String> chunk = tables.subList(from, Math.min(tables.size(), from + PER_QUERY));
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", COUNT(*) FROM ")
                        .append(chunk.get(i));
            }
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    counts.put(names.get(from + rs.getInt(1)), rs.getLong(2));
                }
            }
        }
        return Optional.of(counts);
    }

    /**
     * One line per table whose count differs, {@code  table: N after the first up section, M after the second};
     * empty when none does.
     */
    static String changed(Map<String, Long> first, Map<String, Long> second) {
        StringBuilder out = new StringBuilder();
        TreeSet<String> tables = new TreeSet<>(first.keySet());
        tables.addAll(second.keySet());
        for (String table : tables) {
            long before = first.getOrDefault(table, 0L);
            long after = second.getOrDefault(table, 0L);
            if (before != after) {
                out.append("  ").append(table).append(": ").append(before).append(" row(s) after the first up section, ")
                        .append(after).append(" after the second\n");
            }
        }
        return out.toString();
    }
}
