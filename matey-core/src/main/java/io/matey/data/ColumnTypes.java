package io.matey.data;

import java.util.Locale;

/**
 * Maps a live column's catalog type to a {@link ColumnType}. PostgreSQL and MySQL are read from result-set
 * metadata, which resolves domains to their base type and names MariaDB's JSON columns; SQLite from the declared
 * type, matched the way SQLite itself assigns affinity.
 */
final class ColumnTypes {

    private ColumnTypes() {
    }

    /**
     * @param declared  the declared type name, without arguments (SQLite)
     * @param typeName  the result-set type name (PostgreSQL, MySQL)
     * @param precision result-set precision: decimal digits or character length; with {@code scale}, also what
     *                  SQLite parsed from a declaration such as {@code DECIMAL(10,2)}
     */
    static ColumnType classify(DataDialect dialect, String declared, String typeName, int precision, int scale) {
        return switch (dialect) {
            case SQLITE -> sqlite(declared == null ? "" : declared.strip(), precision, scale);
            case POSTGRES -> postgres(typeName.toLowerCase(Locale.ROOT), precision, scale);
            case MYSQL -> mysql(typeName.toUpperCase(Locale.ROOT), precision, scale);
        };
    }

    private static ColumnType postgres(String name, int precision, int scale) {
        if (name.startsWith("_")) {
            String element = name.substring(1);
            return ColumnType.array(element, postgres(element, precision, scale));
        }
        return switch (name) {
            case "int2", "smallserial" -> ColumnType.integer(name, 16, false);
            case "int4", "serial" -> ColumnType.integer(name, 32, false);
            case "int8", "bigserial" -> ColumnType.integer(name, 64, false);
            case "numeric" -> precision > 0 ? ColumnType.decimal("numeric(" + precision + "," + scale + ")", precision, scale)
                    : ColumnType.decimal(name, 0, 0);
            case "float4" -> ColumnType.of(ValueKind.FLOAT32, name);
            case "float8" -> ColumnType.of(ValueKind.FLOAT64, name);
            case "bool" -> ColumnType.of(ValueKind.BOOLEAN, name);
            case "date" -> ColumnType.of(ValueKind.DATE, name);
            case "time" -> ColumnType.of(ValueKind.TIME, name);
            case "timestamp" -> ColumnType.of(ValueKind.TIMESTAMP, name);
            case "timestamptz" -> ColumnType.of(ValueKind.TIMESTAMPTZ, name);
            case "bytea" -> ColumnType.of(ValueKind.BYTES, name);
            case "json", "jsonb" -> ColumnType.of(ValueKind.JSON, name);
            // Without a length modifier the driver reports Integer.MAX_VALUE.
            case "varchar", "bpchar" -> precision > 0 && precision < Integer.MAX_VALUE
                    ? ColumnType.text(name + "(" + precision + ")", precision) : ColumnType.text(name, 0);
            case "text", "name" -> ColumnType.text(name, 0);
            default -> ColumnType.of(ValueKind.OTHER, name);
        };
    }

    private static ColumnType mysql(String name, int precision, int scale) {
        boolean unsigned = name.contains(" UNSIGNED");
        String base = name.replace(" UNSIGNED", "").replace(" ZEROFILL", "");
        String label = name.toLowerCase(Locale.ROOT);
        return switch (base) {
            case "TINYINT" -> ColumnType.integer(label, 8, unsigned);
            case "SMALLINT", "YEAR" -> ColumnType.integer(label, 16, unsigned);
            case "MEDIUMINT" -> ColumnType.integer(label, 24, unsigned);
            case "INT", "INTEGER" -> ColumnType.integer(label, 32, unsigned);
            case "BIGINT" -> ColumnType.integer(label, 64, unsigned);
            case "BOOLEAN" -> ColumnType.of(ValueKind.BOOLEAN, label);
            case "DECIMAL" -> ColumnType.decimal(label + "(" + precision + "," + scale + ")", precision, scale);
            case "FLOAT" -> ColumnType.of(ValueKind.FLOAT32, label);
            case "DOUBLE" -> ColumnType.of(ValueKind.FLOAT64, label);
            case "DATE" -> ColumnType.of(ValueKind.DATE, label);
            case "TIME" -> ColumnType.of(ValueKind.TIME, label);
            case "DATETIME", "TIMESTAMP" -> ColumnType.of(ValueKind.TIMESTAMP, label);
            case "BIT", "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB" -> ColumnType.of(ValueKind.BYTES, label);
            case "JSON" -> ColumnType.of(ValueKind.JSON, label);
            case "CHAR", "VARCHAR" -> ColumnType.text(label + "(" + precision + ")", precision);
            case "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "ENUM", "SET" -> ColumnType.text(label, 0);
            default -> ColumnType.of(ValueKind.OTHER, label);
        };
    }

    /** SQLite enforces neither lengths nor ranges beyond 64-bit integers, so neither is checked here. */
    private static ColumnType sqlite(String declared, int precision, int scale) {
        String base = declared.toUpperCase(Locale.ROOT);
        String label = declared.isEmpty() ? "(no type)" : declared;
        if (base.contains("BOOL")) {
            return ColumnType.of(ValueKind.BOOLEAN, label);
        }
        if (base.startsWith("TIMESTAMP") || base.equals("DATETIME")) {
            return ColumnType.of(ValueKind.TIMESTAMP, label);
        }
        if (base.equals("DATE")) {
            return ColumnType.of(ValueKind.DATE, label);
        }
        if (base.startsWith("TIME")) {
            return ColumnType.of(ValueKind.TIME, label);
        }
        if (base.startsWith("JSON")) {
            return ColumnType.of(ValueKind.JSON, label);
        }
        if (base.contains("INT")) {
            return ColumnType.integer(label, 64, false);
        }
        if (base.contains("CHAR") || base.contains("CLOB") || base.contains("TEXT")) {
            return ColumnType.text(label, 0);
        }
        if (base.contains("BLOB") || base.contains("BINARY") || base.equals("BYTEA")) {
            return ColumnType.of(ValueKind.BYTES, label);
        }
        if (base.contains("REAL") || base.contains("FLOA") || base.contains("DOUB")) {
            return ColumnType.of(ValueKind.FLOAT64, label);
        }
        if (base.contains("DEC") || base.contains("NUMERIC")) {
            // SQLite stores decimals as REAL: the declared scale pads exported values back to "12.50".
            return ColumnType.decimal(precision > 0 ? label + "(" + precision + "," + scale + ")" : label, precision, scale);
        }
        return ColumnType.of(ValueKind.ANY, label);
    }
}
