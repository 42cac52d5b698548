package io.matey.engine.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.LegacySQLTypeName;
import java.util.Map;
import java.util.stream.Collectors;

/** GoogleSQL type names of the tables API's fields, which speaks the legacy names ({@code INTEGER}, {@code RECORD}). */
final class BigQueryTypes {

    private static final Map<String, String> GOOGLE_SQL_TYPES = Map.of("INTEGER", "INT64", "FLOAT", "FLOAT64",
            "BOOLEAN", "BOOL");

    private BigQueryTypes() {
    }

    /** A non-RECORD field's type with its parameters: {@code STRING(40)}, {@code NUMERIC(12, 2)}, {@code INT64}. */
    static String scalar(Field field) {
        LegacySQLTypeName legacy = field.getType();
        String type = GOOGLE_SQL_TYPES.getOrDefault(legacy.name(), legacy.name());
        if (field.getMaxLength() != null) {
            return type + "(" + field.getMaxLength() + ")";
        }
        if (field.getPrecision() != null) {
            return type + "(" + field.getPrecision() + (field.getScale() == null ? "" : ", " + field.getScale()) + ")";
        }
        return type;
    }

    /** A field's whole type: {@code ARRAY<...>} when repeated, {@code STRUCT<name type, ...>} for a record. */
    static String declared(Field field) {
        String type = field.getType().equals(LegacySQLTypeName.RECORD) ? "STRUCT<" + field.getSubFields().stream()
                .map(member -> member.getName() + " " + declared(member)).collect(Collectors.joining(", ")) + ">"
                : scalar(field);
        return field.getMode() == Field.Mode.REPEATED ? "ARRAY<" + type + ">" : type;
    }
}
