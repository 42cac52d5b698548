package io.matey.engine.mysql;

import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The collations of the current database, its tables and their character columns, read from information_schema
 * in three queries. A dump names a collation only where it differs from what the object would inherit: a table's
 * from the database default, a column's from its table (docs/architecture.md §5).
 */
record Collations(String databaseDefault, Map<String, String> tables, Map<String, Map<String, String>> columns) {

    static Collations read(Connection connection) throws SQLException {
        String[] database = new String[1];
        Rows.forEach(connection, "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()",
                rs -> database[0] = rs.getString(1));
        Map<String, String> tables = new HashMap<>();
        Rows.forEach(connection, "SELECT TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_COLLATION IS NOT NULL",
                rs -> tables.put(rs.getString(1), rs.getString(2)));
        Map<String, Map<String, String>> columns = new HashMap<>();
        Rows.forEach(connection, "SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = DATABASE() AND COLLATION_NAME IS NOT NULL",
                rs -> columns.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3)));
        return new Collations(database[0], tables, columns);
    }

    /** The table's collation when it differs from the database default, else null. */
    String ofTable(String table) {
        String collation = tables.get(table);
        return collation == null || collation.equals(databaseDefault) ? null : collation;
    }

    /** The column's collation when it differs from its table's, else null (also for non-character columns). */
    String ofColumn(String table, String column) {
        String collation = columns.getOrDefault(table, Map.of()).get(column);
        return collation == null || collation.equals(tables.get(table)) ? null : collation;
    }
}
