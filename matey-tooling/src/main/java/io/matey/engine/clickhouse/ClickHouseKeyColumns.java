package io.matey.engine.clickhouse;

import io.matey.engine.clickhouse.ClickHouseTokens.Kind;
import io.matey.engine.clickhouse.ClickHouseTokens.Token;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a MergeTree table that {@code ALTER TABLE ... UPDATE} refuses to set ("Cannot UPDATE key column",
 * docs/architecture.md §3), each with why: the columns of the partition and sorting keys (which include the primary
 * and sampling keys), the version of a {@code ReplacingMergeTree} or {@code VersionedCollapsingMergeTree}, the
 * sign of a collapsing engine, and the columns a {@code MATERIALIZED} key column is computed from. A
 * {@code ReplacingMergeTree}'s {@code is_deleted} column may be updated.
 */
final class ClickHouseKeyColumns {

    /** Why a ReplacingMergeTree's version cannot be updated. */
    static final String REPLACING_VERSION = "the ReplacingMergeTree version column";

    private ClickHouseKeyColumns() {
    }

    /** By column name, in table order: why the column cannot be updated, a phrase completing "it is ...". */
    static Map<String, String> of(Connection connection, String table) throws SQLException {
        Map<String, String> reasons = new LinkedHashMap<>();
        Map<String, String> materialized = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name, is_in_partition_key, "
                + "is_in_sorting_key OR is_in_primary_key OR is_in_sampling_key, default_kind, default_expression "
                + "FROM system.columns WHERE database = currentDatabase() AND table = ? ORDER BY position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    names.add(name);
                    String reason = rs.getBoolean(2) ? "in the table's partition key (PARTITION BY)"
                            : rs.getBoolean(3) ? "in the table's sorting key (ORDER BY)" : null;
                    if (reason != null) {
                        reasons.put(name, reason);
                        if ("MATERIALIZED".equals(rs.getString(4))) {
                            materialized.put(name, rs.getString(5));
                        }
                    }
                }
            }
        }
        engineColumns(connection, table).forEach(reasons::putIfAbsent);
        materialized.forEach((key, expression) -> {
            for (String source : columnsRead(expression, names)) {
                reasons.putIfAbsent(source, "read by MATERIALIZED column '" + key + "', which is " + reasons.get(key));
            }
        });
        return reasons;
    }

    /** A {@code ReplacingMergeTree}'s {@code is_deleted} column, its second parameter; null when it has none. */
    static String isDeleted(Connection connection, String table) throws SQLException {
        Engine engine = engine(connection, table);
        return engine != null && engine.family().equals("ReplacingMergeTree") && engine.columns().size() >= 2
                ? engine.columns().get(1) : null;
    }

    /** The version and sign columns the table's engine names among its parameters. */
    private static Map<String, String> engineColumns(Connection connection, String table) throws SQLException {
        Engine engine = engine(connection, table);
        if (engine == null) {
            return Map.of();
        }
        String family = engine.family();
        List<String> columns = engine.columns();
        Map<String, String> named = new LinkedHashMap<>();
        if (family.equals("ReplacingMergeTree") && !columns.isEmpty()) {
            named.put(columns.get(0), REPLACING_VERSION);
        } else if (family.equals("CollapsingMergeTree") && !columns.isEmpty()) {
            named.put(columns.get(0), "the CollapsingMergeTree sign column");
        } else if (family.equals("VersionedCollapsingMergeTree") && columns.size() >= 2) {
            named.put(columns.get(0), "the VersionedCollapsingMergeTree sign column");
            named.put(columns.get(1), "the VersionedCollapsingMergeTree version column");
        }
        return named;
    }

    /** A table's engine without its replication prefix, and the columns among its parameters. */
    private record Engine(String family, List<String> columns) {
    }

    private static Engine engine(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT engine, engine_full FROM system.tables "
                + "WHERE database = currentDatabase() AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                // a replicated engine's first parameters are its coordination path and replica name, string literals
                return new Engine(rs.getString(1).replaceFirst("^(Replicated|Shared)", ""), parameters(rs.getString(2))
                        .stream().filter(p -> p.size() == 1 && p.get(0).isName()).map(p -> p.get(0).value()).toList());
            }
        }
    }

    /** The engine's parameters ({@code ReplacingMergeTree(ver, is_deleted) ORDER BY ...}), each as its tokens. */
    private static List<List<Token>> parameters(String engineFull) {
        List<Token> tokens = ClickHouseTokens.of(engineFull).stream().filter(t -> t.kind() != Kind.SPACE).toList();
        List<List<Token>> parameters = new ArrayList<>();
        if (tokens.size() < 2 || !tokens.get(1).text().equals("(")) {
            return parameters; // no parentheses after the engine's name: no parameters
        }
        List<Token> current = new ArrayList<>();
        int depth = 1;
        for (Token token : tokens.subList(2, tokens.size())) {
            String text = token.kind() == Kind.PUNCTUATION ? token.text() : "";
            depth += text.equals("(") ? 1 : text.equals(")") ? -1 : 0;
            if (depth == 0 || depth == 1 && text.equals(",")) {
                if (!current.isEmpty()) {
                    parameters.add(current);
                }
                current = new ArrayList<>();
                if (depth == 0) {
                    break;
                }
            } else {
                current.add(token);
            }
        }
        return parameters;
    }

    /** The table's columns an expression reads: its names that are not called as functions. */
    private static List<String> columnsRead(String expression, List<String> columns) {
        List<Token> tokens = ClickHouseTokens.of(expression);
        List<String> read = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = ClickHouseTokens.next(tokens, i);
            if (token.isName() && columns.contains(token.value()) && !read.contains(token.value())
                    && (next == null || !next.text().equals("("))) {
                read.add(token.value());
            }
        }
        return read;
    }
}
