package io.matey.engine.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON columns of a MariaDB table: MariaDB's JSON is LONGTEXT with {@code CHECK (json_valid(col))}, and the
 * result-set metadata names the type JSON only while that is the column's own CHECK, so a column with a CHECK of
 * its own ({@code CHECK (profile IS NULL OR JSON_VALID(profile))}) is found by the json_valid its CHECKs call.
 * MySQL's JSON is a type of its own, which the metadata always names.
 */
final class MariadbJsonColumns {

    private static final Pattern JSON_VALID = Pattern.compile("json_valid\\(\\s*`((?:[^`]|``)+)`\\s*\\)", Pattern.CASE_INSENSITIVE);

    private MariadbJsonColumns() {
    }

    static Set<String> of(Connection connection, String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        if (!connection.getMetaData().getDatabaseProductVersion().contains("MariaDB")) {
            return columns;
        }
        // MariaDB names a column's CHECK after the column, so only TABLE_NAME (MariaDB's own column) tells them apart.
        try (PreparedStatement ps = connection.prepareStatement("SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = JSON_VALID.matcher(rs.getString(1));
                    while (m.find()) {
                        columns.add(m.group(1).replace("``", "`"));
                    }
                }
            }
        }
        return columns;
    }
}
