package io.matey.engine.mysql;

import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The collations of the current database, its tables and their character columns, read from information_schema
 * in four queries. A dump states every table's character set, and names a collation only where it differs from
 * what the object would inherit: a table's from what its character set implies ({@link CharsetDefaults}), a
 * column's from its table (docs/architecture.md §5).
 */
record Collations(CharsetDefaults defaults, Map<String, String> tables, Map<String, Map<String, String>> columns) {

    static Collations read(Connection connection) throws SQLException {
        CharsetDefaults defaults = CharsetDefaults.read(connection);
        Map<String, String> tables = new HashMap<>();
        Rows.forEach(connection, "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_COLLATION IS NOT NULL",
                rs -> tables.put(rs.getString(1), rs.getString(2)));
        Map<String, Map<String, String>> columns = new HashMap<>();
        Rows.forEach(connection, "SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = DATABASE() AND COLLATION_NAME IS NOT NULL",
                rs -> columns.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3)));
        return new Collations(defaults, tables, columns);
    }

    /** The table's character set clause ({@link CharsetDefaults#tableClause}); empty for a table without one. */
    String ofTable(String table) {
        String collation = tables.get(table);
        return collation == null ? "" : defaults.tableClause(collation);
    }

    /** The column's collation when it differs from its table's, else null (also for non-character columns). */
    String ofColumn(String table, String column) {
        String collation = columns.getOrDefault(table, Map.of()).get(column);
        return collation == null || collation.equals(tables.get(table)) ? null : collation;
    }
}
