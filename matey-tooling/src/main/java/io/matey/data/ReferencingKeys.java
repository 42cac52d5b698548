package io.matey.data;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The foreign keys of other tables (or of the table itself) that refer to a table and whose {@code ON DELETE}
 * action changes their rows when a row they refer to is deleted: {@code CASCADE}, {@code SET NULL} or
 * {@code SET DEFAULT}. Read through the JDBC catalog ({@code DatabaseMetaData.getExportedKeys}), which SQLite,
 * PostgreSQL and MySQL/MariaDB answer alike (docs/architecture.md §3).
 */
final class ReferencingKeys {

    /**
     * One such foreign key.
     *
     * @param name       the constraint's name, or a description where the database names none (SQLite)
     * @param table      the referencing table, qualified where the engine has schemas
     * @param sql        the referencing table as SQL names it, quoted and qualified
     * @param columns    the referencing columns, in key order
     * @param referenced the columns of the referenced table they match, in the same order
     * @param action     {@code CASCADE}, {@code SET NULL} or {@code SET DEFAULT}
     */
    record Key(String name, TableName table, String sql, List<String> columns, List<String> referenced, String action) {

        /** Whether the action deletes the referencing rows rather than changing their columns. */
        boolean deletes() {
            return action.equals("CASCADE");
        }
    }

    private ReferencingKeys() {
    }

    /** The keys referring to {@code table} (as {@link DataDialect#locate} found it) whose action changes rows. */
    static List<Key> of(Connection connection, DataDialect dialect, TableName table) throws SQLException {
        boolean schemas = dialect.qualifierOutsideTarget().isEmpty();
        String schema = table.schema() == null ? connection.getSchema() : table.schema();
        List<Key> keys = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getExportedKeys(connection.getCatalog(), schema, table.name())) {
            List<String> columns = null;
            List<String> referenced = null;
            while (rs.next()) {
                // the columns of one key come in KEY_SEQ order, each key starting at 1
                if (rs.getInt("KEY_SEQ") == 1) {
                    String action = action(rs.getInt("DELETE_RULE"));
                    columns = new ArrayList<>();
                    referenced = new ArrayList<>();
                    if (action != null) {
                        String owner = schemas ? rs.getString("FKTABLE_SCHEM") : null;
                        TableName referencing = new TableName(owner, rs.getString("FKTABLE_NAME"));
                        String name = rs.getString("FK_NAME");
                        keys.add(new Key(name == null || name.isEmpty() ? "(unnamed) on " + referencing : name,
                                referencing, referencing.quoted(dialect), columns, referenced, action));
                    }
                }
                columns.add(rs.getString("FKCOLUMN_NAME"));
                referenced.add(rs.getString("PKCOLUMN_NAME"));
            }
        }
        return keys;
    }

    /** The action's SQL name where it changes the referencing rows; null for RESTRICT and NO ACTION. */
    private static String action(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            default -> null;
        };
    }
}
