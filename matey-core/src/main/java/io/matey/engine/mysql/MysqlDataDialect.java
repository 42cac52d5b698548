package io.matey.engine.mysql;

import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.Labels;
import io.matey.data.TableName;
import io.matey.data.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** MySQL's and MariaDB's data export and apply: standard JDBC values and statements (docs/architecture.md §3). */
final class MysqlDataDialect implements DataDialect {

    @Override
    public String quote(String identifier) {
        return Backticks.quote(identifier);
    }

    @Override
    public Optional<String> qualifierOutsideTarget() {
        return Optional.of("MySQL/MariaDB database");
    }

    @Override
    public ColumnType columnType(String declared, String typeName, int precision, int scale) {
        return MysqlColumnTypes.of(typeName, precision, scale);
    }

    @Override
    public boolean booleansAreIntegers() {
        return true;
    }

    /** With TEMPORARY, DROP TABLE does not commit the transaction it runs in, as a plain DROP TABLE does. */
    @Override
    public String dropTemporaryTable(String name) {
        return "DROP TEMPORARY TABLE " + name;
    }

    /**
     * Result-set metadata shows an ENUM or SET as CHAR; the catalog's column type lists its values, which the
     * server compares by the column's collation (case-insensitive by default).
     */
    @Override
    public Map<String, ColumnType> labelledColumns(Connection connection, TableName table) throws SQLException {
        Map<String, ColumnType> labelled = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? "
                + "AND DATA_TYPE IN ('enum', 'set')")) {
            ps.setString(1, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean set = rs.getString(2).equalsIgnoreCase("set");
                    Labels labels = new Labels(MysqlModelReader.labels(rs.getString(3)), false, set);
                    labelled.put(rs.getString(1), ColumnType.labelled(ValueKind.TEXT, set ? "set" : "enum", labels));
                }
            }
        }
        return labelled;
    }
}
