package io.matey.engine.mysql;

import io.matey.data.ColumnType;
import io.matey.data.ValueKind;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a MySQL or MariaDB result-set type name to a data {@link ColumnType}. Result-set metadata names MariaDB's
 * JSON columns, which the catalog reports as text.
 */
final class MysqlColumnTypes {

    /** The spatial types' names, as labels: values travel as WKT (see {@link MysqlDataDialect#selected}). */
    static final Set<String> GEOMETRIES = Set.of("geometry", "point", "linestring", "polygon", "multipoint",
            "multilinestring", "multipolygon", "geometrycollection");

    private MysqlColumnTypes() {
    }

    /** @param precision decimal digits or character length, as the result set reports it */
    static ColumnType of(String typeName, int precision, int scale) {
        return mysql(typeName.toUpperCase(Locale.ROOT), precision, scale);
    }

    private static ColumnType mysql(String name, int precision, int scale) {
        boolean unsigned = name.contains(" UNSIGNED");
        String base = name.replace(" UNSIGNED", "").replace(" ZEROFILL", "");
        String label = name.toLowerCase(Locale.ROOT);
        return switch (base) {
            case "TINYINT" -> ColumnType.integer(label, 8, unsigned);
            case "SMALLINT" -> ColumnType.integer(label, 16, unsigned);
            // The server reads 1 to 99 as 2001 to 2069 and 1970 to 1999, which export would write back otherwise.
            case "YEAR" -> ColumnType.integer(label, 1901, 2155);
            case "MEDIUMINT" -> ColumnType.integer(label, 24, unsigned);
            case "INT", "INTEGER" -> ColumnType.integer(label, 32, unsigned);
            case "BIGINT" -> ColumnType.integer(label, 64, unsigned);
            case "BOOLEAN" -> bool(false);
            case "DECIMAL" -> ColumnType.decimal(label + "(" + precision + "," + scale + ")", precision, scale);
            case "FLOAT" -> ColumnType.of(ValueKind.FLOAT32, label);
            case "DOUBLE" -> ColumnType.of(ValueKind.FLOAT64, label);
            case "DATE" -> ColumnType.of(ValueKind.DATE, label);
            case "TIME" -> fractional(ValueKind.OTHER, label, scale);
            case "DATETIME", "TIMESTAMP" -> fractional(ValueKind.TIMESTAMP, label, scale);
            case "BIT" -> new ColumnType(ValueKind.OTHER, label + "(" + precision + ")", precision, 0, 0, 0, null, null,
                    null, null, null);
            case "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB" -> ColumnType.of(ValueKind.BYTES, label);
            case "JSON" -> ColumnType.of(ValueKind.JSON, label);
            case "CHAR", "VARCHAR" -> ColumnType.text(label + "(" + precision + ")", precision);
            case "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET" -> ColumnType.text(label, 0);
            default -> ColumnType.of(ValueKind.OTHER, label);
        };
    }

    /**
     * A {@code TINYINT(1)}, which the driver calls BOOLEAN: {@code true} and {@code false} for 1 and 0, and, as it is
     * an integer column, the other numbers of its range, which travel as numbers (README "Data sets").
     */
    static ColumnType bool(boolean unsigned) {
        ColumnType integer = ColumnType.integer(unsigned ? "tinyint(1) unsigned" : "tinyint(1)", 8, unsigned);
        return new ColumnType(ValueKind.BOOLEAN, integer.label(), 0, 0, 0, 0, integer.min(), integer.max(), null, null,
                null);
    }

    /** A TIME, DATETIME or TIMESTAMP with its digits after the point as scale, named with them when it has any. */
    private static ColumnType fractional(ValueKind kind, String label, int digits) {
        return new ColumnType(kind, digits == 0 ? label : label + "(" + digits + ")", 0, digits, 0, 0, null, null, null,
                null, null);
    }

    /** A TIME: a duration, not a time of day, which travels in the server's own spelling ({@link MysqlDurations}). */
    static boolean isTime(ColumnType type) {
        return type.kind() == ValueKind.OTHER && (type.label().equals("time") || type.label().startsWith("time("));
    }

    /** A BIT(n): its n bits as hex of whole bytes ({@link MysqlBits}); the precision is n. */
    static boolean isBit(ColumnType type) {
        return type.kind() == ValueKind.OTHER && type.label().startsWith("bit(");
    }
}
