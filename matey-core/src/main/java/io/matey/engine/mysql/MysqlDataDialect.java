package io.matey.engine.mysql;

import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MySQL's and MariaDB's data export and apply: standard JDBC values and statements (docs/architecture.md §3). */
final class MysqlDataDialect implements DataDialect {

    @Override
    public String quote(String identifier) {
        return Backticks.quote(identifier);
    }

    @Override
    public ColumnType columnType(String declared, String typeName, int precision, int scale) {
        return MysqlColumnTypes.of(typeName, precision, scale);
    }

    /** Result-set metadata shows an ENUM as CHAR; the catalog's column type lists its values. */
    @Override
    public Map<String, List<String>> enumLabels(Connection connection, String table) throws SQLException {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND DATA_TYPE = 'enum'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.put(rs.getString(1), MysqlModelReader.labels(rs.getString(2)));
                }
            }
        }
        return labels;
    }
}
