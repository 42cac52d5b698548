package io.matey.engine.mysql;

import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.Labels;
import io.matey.data.TableName;
import io.matey.data.ValueException;
import io.matey.data.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    @Override
    public Object read(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        return MysqlDataValues.read(rs, index, type);
    }

    @Override
    public Object exported(Object value, ColumnType type) {
        return MysqlDataValues.exported(value, type);
    }

    @Override
    public void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        MysqlDataValues.bind(ps, index, type, value);
    }

    @Override
    public String otherValue(String text, ColumnType type) throws ValueException {
        return MysqlDataValues.otherValue(text, type);
    }

    @Override
    public Temporal time(Temporal value, ColumnType type) throws ValueException {
        return MysqlDataValues.time(value, type);
    }

    /** A TIMESTAMP is an instant, read and written in Matey's sessions' time zone, UTC. */
    @Override
    public ZoneId timestampZone(ColumnType type) {
        return type.label().startsWith("timestamp") ? ZoneOffset.UTC : null;
    }

    /** With TEMPORARY, DROP TABLE does not commit the transaction it runs in, as a plain DROP TABLE does. */
    @Override
    public String dropTemporaryTable(String name) {
        return "DROP TEMPORARY TABLE " + name;
    }

    /** INVISIBLE columns (MariaDB 10.3, MySQL 8.0.23) are written and read only by name. */
    @Override
    public boolean starHidesColumns() {
        return true;
    }

    /** MySQL 8 marks a column whose default is an expression {@code DEFAULT_GENERATED}; it is written like any other. */
    private static final String GENERATED = "(EXTRA LIKE '%GENERATED%' AND LOCATE('DEFAULT_GENERATED', EXTRA) = 0)";

    /**
     * Result-set metadata shows an ENUM or SET, and MariaDB's INET4 and INET6, as CHAR, and a TINYINT(1) UNSIGNED as
     * the same BOOLEAN as a signed one; the catalog's column type tells them apart and lists an ENUM's or SET's values,
     * which the server compares by the column's collation (case-insensitive by default). MariaDB's JSON is LONGTEXT with a
     * CHECK (json_valid(...)), which the metadata names JSON only while that CHECK is the column's own: a JSON column
     * with a CHECK written for it is found by its json_valid in any CHECK of the table. The same catalog rows name a
     * system-versioned table's declared period columns ({@code GENERATED ALWAYS AS ROW START}), which the driver does
     * not report as generated; the catalog does, as it does every generated column, in MariaDB and MySQL alike.
     */
    @Override
    public Map<String, ColumnType> catalogTypes(Connection connection, TableName table, Set<String> computed)
            throws SQLException {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, "
                + GENERATED + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = ? AND (DATA_TYPE IN ('enum', 'set', 'inet4', 'inet6') OR COLUMN_TYPE LIKE "
                + "'tinyint(1) unsigned%' OR " + GENERATED + ")")) {
            ps.setString(1, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(4)) {
                        computed.add(rs.getString(1));
                    }
                    String dataType = rs.getString(2).toLowerCase(Locale.ROOT);
                    if (rs.getString(3).startsWith("tinyint(1) unsigned")) {
                        types.put(rs.getString(1), MysqlColumnTypes.bool(true));
                    } else if (REWRITTEN.contains(dataType)) {
                        types.put(rs.getString(1), ColumnType.of(ValueKind.OTHER, dataType));
                    } else if (dataType.equals("enum") || dataType.equals("set")) {
                        boolean set = dataType.equals("set");
                        List<String> values = MysqlModelReader.labels(rs.getString(3));
                        Labels labels = set ? new Labels(values, false, true)
                                : new Labels(values, false, false, enumIndexes(values.size()));
                        types.put(rs.getString(1), ColumnType.labelled(ValueKind.TEXT, dataType, labels));
                    }
                }
            }
        }
        for (String column : MariadbJsonColumns.of(connection, table.name())) {
            types.put(column, ColumnType.of(ValueKind.JSON, "json"));
        }
        return types;
    }

    /**
     * An ENUM takes a number as the index of its label, from 1 (MySQL stores 2 as the second label, 0 as the empty
     * error value): a file gives the label, as export writes it, so a number is refused naming it.
     */
    private static Labels.Codes enumIndexes(int labels) {
        List<Long> indexes = new ArrayList<>(labels);
        for (long index = 1; index <= labels; index++) {
            indexes.add(index);
        }
        return new Labels.Codes("ENUM", "index", indexes);
    }

    @Override
    public String transactionalStorageAdvice(String table) {
        return "Convert the table to a transactional engine in a migration (ALTER TABLE " + table + " ENGINE=InnoDB)";
    }

    /** A table whose engine the server lists without transactions ({@code information_schema.ENGINES}). */
    @Override
    public Optional<String> nonTransactionalStorage(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT t.ENGINE FROM information_schema.TABLES t "
                + "JOIN information_schema.ENGINES e ON e.ENGINE = t.ENGINE WHERE t.TABLE_SCHEMA = DATABASE() "
                + "AND t.TABLE_NAME = ? AND e.TRANSACTIONS <> 'YES'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Geometry travels as WKT, {@code SRID=4326;POINT(1 2)} when its SRID is not 0 (README "Data sets"). A FLOAT is
     * read as the DOUBLE it widens to exactly: the server's text of a FLOAT keeps 6 significant digits
     * ({@code 16777216} reads as {@code 1.67772e7}), which export would write and apply store.
     */
    @Override
    public String selected(String column, ColumnType type) {
        if (type.kind() == ValueKind.FLOAT32) {
            return "CAST(" + column + " AS DOUBLE)";
        }
        return geometry(type) ? "IF(ST_SRID(" + column + ") = 0, ST_AsText(" + column + "), CONCAT('SRID=', ST_SRID("
                + column + "), ';', ST_AsText(" + column + ")))" : column;
    }

    /** The WKT, with its SRID when an {@code SRID=n;} prefix gives one; the bound text is named once, as v. */
    @Override
    public String parameter(ColumnType type) {
        if (geometry(type)) {
            return "(SELECT ST_GeomFromText(SUBSTRING_INDEX(v, ';', -1), IF(v LIKE 'SRID=%;%', "
                    + "SUBSTRING(v, 6, LOCATE(';', v) - 6), 0)) FROM (SELECT ? AS v) AS wkt)";
        }
        return rewritesValues(type) ? "CAST(? AS " + type.label() + ")" : "?";
    }

    /** MariaDB's own types whose text the server rewrites: {@code 0:0:0:0:0:0:0:1} is {@code ::1}, UUIDs lower case. */
    private static final Set<String> REWRITTEN = Set.of("uuid", "inet4", "inet6");

    /**
     * WKT is compared as the geometry it makes ({@code POINT (1 2)} is {@code POINT(1 2)}), which also checks it, and
     * a UUID or address as the server spells it.
     */
    @Override
    public boolean rewritesValues(ColumnType type) {
        return geometry(type) || type.kind() == ValueKind.OTHER && REWRITTEN.contains(type.label());
    }

    private static boolean geometry(ColumnType type) {
        return type.kind() == ValueKind.OTHER && MysqlColumnTypes.GEOMETRIES.contains(type.label());
    }
}
