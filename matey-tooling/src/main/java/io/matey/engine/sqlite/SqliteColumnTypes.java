package io.matey.engine.sqlite;

import io.matey.data.ColumnType;
import io.matey.data.ValueKind;
import java.util.Locale;

/**
 * Maps a SQLite column's declared type to a data {@link ColumnType}, matched the way SQLite itself assigns
 * affinity.
 */
final class SqliteColumnTypes {

    private SqliteColumnTypes() {
    }

    /**
     * @param declared  the declared type name without arguments; null or empty when the column has none
     * @param precision with {@code scale}, what the driver parsed from a declaration such as {@code DECIMAL(10,2)}
     */
    static ColumnType of(String declared, int precision, int scale) {
        return sqlite(declared == null ? "" : declared.strip(), precision, scale);
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
