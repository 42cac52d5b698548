package io.matey.data;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A table of the live database, in the schema {@link DataDialect#locate} found it in (else the connection's).
 *
 * @param name        the table as the manifest names it, for messages
 * @param sql         the table as SQL names it, quoted and, where the engine has schemas, qualified
 * @param columns     every column by name, in table order
 * @param dataColumns the columns data files hold: all but generated ones, in table order
 * @param primaryKey  the primary key's column names in key order; empty when there is none
 * @param notATable   what the relation is when it is no table ({@link DataDialect#notATable}), else null
 */
record LiveTable(String name, String sql, Map<String, Column> columns, List<Column> dataColumns, List<String> primaryKey,
        String notATable) {

    /** Reads the table's catalog entry; empty when there is no such table. */
    static Optional<LiveTable> read(Connection connection, DataDialect dialect, TableName manifest) throws SQLException {
        Optional<TableName> located = dialect.locate(connection, manifest);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        TableName table = located.get();
        String name = table.name();
        DatabaseMetaData meta = connection.getMetaData();
        String schema = table.schema() == null ? connection.getSchema() : table.schema();
        Map<String, String> declared = new LinkedHashMap<>();
        Map<String, Boolean> generated = new LinkedHashMap<>();
        Set<String> computed = new HashSet<>();
        Map<String, ColumnType> labelled = dialect.catalogTypes(connection, table, computed);
        // Names are LIKE patterns here, so '_' matches any character: keep exact matches only.
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, name, "%")) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_NAME")) && (schema == null || schema.equals(rs.getString("TABLE_SCHEM")))) {
                    declared.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
                    generated.put(rs.getString("COLUMN_NAME"), "YES".equals(rs.getString("IS_GENERATEDCOLUMN"))
                            || computed.contains(rs.getString("COLUMN_NAME")));
                }
            }
        }
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        String sql = table.quoted(dialect);
        Map<String, Column> columns = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + (dialect.starHidesColumns()
                        ? String.join(", ", declared.keySet().stream().map(dialect::quote).toList()) : "*")
                        + " FROM " + sql + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String column = md.getColumnName(i);
                ColumnType type = labelled.containsKey(column) ? labelled.get(column)
                        : dialect.columnType(declared.get(column), md.getColumnTypeName(i), md.getPrecision(i),
                                md.getScale(i));
                columns.put(column, new Column(column, type, generated.getOrDefault(column, false)));
            }
        }
        List<Column> dataColumns = columns.values().stream().filter(c -> !c.generated()).toList();
        // A key column the database fills (MariaDB adds ROW END to a versioned table's key) is no key a file gives.
        List<String> key = dialect.primaryKey(connection, schema, name).stream()
                .filter(column -> columns.containsKey(column) && !columns.get(column).generated()).toList();
        return Optional.of(new LiveTable(manifest.toString(), sql, columns, dataColumns, key,
                dialect.notATable(connection, schema, name).orElse(null)));
    }
}
