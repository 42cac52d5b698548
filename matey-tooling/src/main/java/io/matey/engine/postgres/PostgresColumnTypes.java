package io.matey.engine.postgres;

import io.matey.data.ColumnType;
import io.matey.data.ValueKind;
import java.util.Locale;

/**
 * Maps a PostgreSQL result-set type name to a data {@link ColumnType}. Result-set metadata resolves domains to
 * their base type.
 */
final class PostgresColumnTypes {

    private PostgresColumnTypes() {
    }

    /** @param precision decimal digits or character length, as the result set reports it */
    static ColumnType of(String typeName, int precision, int scale) {
        return postgres(typeName.toLowerCase(Locale.ROOT), precision, scale);
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
}
