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

    /**
     * @param precision decimal digits or character length, as the result set reports it
     * @param scale     decimal digits after the point, or a time's fraction digits (fsp)
     */
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
            case "BOOLEAN" -> ColumnType.of(ValueKind.BOOLEAN, label);
            case "DECIMAL" -> ColumnType.decimal(label + "(" + precision + "," + scale + ")", precision, scale);
            case "FLOAT" -> ColumnType.of(ValueKind.FLOAT32, label);
            case "DOUBLE" -> ColumnType.of(ValueKind.FLOAT64, label);
            case "DATE" -> ColumnType.of(ValueKind.DATE, label);
            case "TIME" -> ColumnType.time(ValueKind.TIME, label, scale);
            case "DATETIME", "TIMESTAMP" -> ColumnType.time(ValueKind.TIMESTAMP, label, scale);
            case "BIT", "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB" -> ColumnType.of(ValueKind.BYTES, label);
            case "JSON" -> ColumnType.of(ValueKind.JSON, label);
            case "CHAR", "VARCHAR" -> ColumnType.text(label + "(" + precision + ")", precision);
            case "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET" -> ColumnType.text(label, 0);
            default -> ColumnType.of(ValueKind.OTHER, label);
        };
    }
}
