package io.matey.engine.sqlite;

import io.matey.data.ColumnType;
import io.matey.data.IsoTimes;
import io.matey.data.ValueException;
import io.matey.data.ValueKind;
import io.matey.data.ValueReader;
import java.math.BigDecimal;
import java.time.format.DateTimeParseException;

/**
 * Reads SQLite values into the Java values data files hold. SQLite stores any value in any column, so each is
 * checked against the declared type: a value export could not write back fails loudly.
 */
final class SqliteValues {

    private SqliteValues() {
    }

    static Object read(Object value, ColumnType type) throws ValueException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] && type.kind() != ValueKind.BYTES) {
            // A value keeps its storage class whatever the column declares, and a file's hex string is a blob only
            // in a column declared as one: elsewhere apply would store the hex text instead of the bytes.
            throw new ValueException("holds a blob, which a data file holds (as hex) only in a column declared BLOB; "
                    + "store the value as " + (type.kind() == ValueKind.ANY ? "text or a number" : expected(type.kind()))
                    + " or declare the column BLOB");
        }
        try {
            return switch (type.kind()) {
                case INTEGER -> value instanceof Integer || value instanceof Long ? ((Number) value).longValue()
                        : mismatch(value, expected(type.kind()));
                case BOOLEAN -> value instanceof Integer i && (i == 0 || i == 1) ? (Object) (i == 1)
                        : mismatch(value, expected(type.kind()));
                case DECIMAL -> ValueReader.padded(new BigDecimal(value.toString()), type);
                case FLOAT64 -> value instanceof Number n ? (Object) n.doubleValue() : mismatch(value, expected(type.kind()));
                case TEXT -> value.toString();
                case DATE -> IsoTimes.parseDate(value.toString());
                case TIME -> IsoTimes.parseTime(value.toString());
                case TIMESTAMP -> IsoTimes.parseDateTime(value.toString());
                case BYTES -> value instanceof byte[] ? value : mismatch(value, "a blob");
                case JSON -> ValueReader.json(value.toString());
                case ANY -> value instanceof Integer i ? (Object) i.longValue() : value;
                case FLOAT32, TIMESTAMPTZ, OTHER, ARRAY, STRUCT -> throw new IllegalStateException("no such SQLite column type");
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return mismatch(value, expected(type.kind()));
        }
    }

    private static String expected(ValueKind kind) {
        return switch (kind) {
            case DATE -> "an ISO-8601 date";
            case TIME -> "an ISO-8601 time";
            case TIMESTAMP -> "an ISO-8601 timestamp";
            case DECIMAL -> "a decimal";
            case INTEGER -> "an integer";
            case BOOLEAN -> "a boolean (0 or 1)";
            case FLOAT64 -> "a number";
            case JSON -> "JSON text";
            default -> "text";
        };
    }

    private static Object mismatch(Object value, String expected) throws ValueException {
        String shown = value instanceof byte[] ? "a blob" : "'" + value + "'";
        throw new ValueException("holds " + shown + ", which is not " + expected);
    }
}
