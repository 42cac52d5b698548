package io.matey.engine.mysql;

import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The spatial reference system of each geometry column of the current database that declares one. MariaDB keeps a
 * column's {@code REF_SYSTEM_ID} but {@code SHOW CREATE TABLE} does not print it, so the dump adds it from
 * information_schema; without it a loaded dump would silently give every such column SRID 0.
 */
record SpatialReferences(Map<String, Map<String, Integer>> columns) {

    /** Empty on MySQL 8, which prints {@code SRID} in {@code SHOW CREATE TABLE} and has no GEOMETRY_COLUMNS view. */
    static SpatialReferences read(Connection connection) throws SQLException {
        Map<String, Map<String, Integer>> columns = new HashMap<>();
        boolean[] mariadb = new boolean[1];
        Rows.forEach(connection, "SELECT VERSION()", rs -> mariadb[0] = rs.getString(1).contains("MariaDB"));
        if (!mariadb[0]) {
            return new SpatialReferences(columns);
        }
        Rows.forEach(connection, "SELECT G_TABLE_NAME, G_GEOMETRY_COLUMN, SRID FROM information_schema.GEOMETRY_COLUMNS "
                + "WHERE G_TABLE_SCHEMA = DATABASE() AND SRID <> 0",
                rs -> columns.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3)));
        return new SpatialReferences(columns);
    }

    /** The column's SRID, or null when it has none (0) or is not a geometry column. */
    Integer of(String table, String column) {
        return columns.getOrDefault(table, Map.of()).get(column);
    }
}
