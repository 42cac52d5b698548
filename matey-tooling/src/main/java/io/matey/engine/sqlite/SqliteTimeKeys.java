package io.matey.engine.sqlite;

import io.matey.data.ValueKind;

/**
 * The condition that a time or timestamp key column holds a key's instant however its text spells it
 * (docs/architecture.md §3). SQLite compares text, but rows written by hand or by an older Matey spell one instant
 * in several ways: a {@code T} or a space between date and time, and any number of fraction digits
 * ({@code 03:04:05.5}, {@code .500}, {@code .500000}; none for {@code .000}). Every spelling starts with the key's
 * text to the second (with a {@code T} or a space), so a range on that prefix keeps the column's index in use, and the
 * rows in it are compared in one spelling: a space, and the fraction without trailing zeros, the offset as given.
 */
final class SqliteTimeKeys {

    /** Above every character that follows the seconds: {@code .}, an offset's sign, {@code Z}. */
    private static final String ABOVE = "'~'";

    private SqliteTimeKeys() {
    }

    /**
     * @param column the table's column, quoted and qualified as needed
     * @param value  an SQL expression holding the key in this engine's form ({@link SqliteTimes#text}), appearing
     *               {@link #uses} times, so that a parameter is bound that many times
     * @param kind   {@link ValueKind#TIME} or {@link ValueKind#TIMESTAMP}
     */
    static String equal(String column, String value, ValueKind kind) {
        boolean timestamp = kind == ValueKind.TIMESTAMP;
        String seconds = timestamp ? "substr(v, 1, 19)" : "substr(v, 1, 8)";
        String range = range(column, of(value, seconds), of(value, seconds + " || " + ABOVE));
        if (timestamp) {
            String tForm = "substr(v, 1, 10) || 'T' || substr(v, 12, 8)";
            range = range + " OR " + range(column, of(value, tForm), of(value, tForm + " || " + ABOVE));
        }
        return "(" + range + ") AND " + spelled(column, kind) + " = " + of(value, spelled("v", kind));
    }

    /** How many times {@link #equal} writes its value. */
    static int uses(ValueKind kind) {
        return kind == ValueKind.TIMESTAMP ? 5 : 3;
    }

    private static String range(String column, String from, String below) {
        return column + " >= " + from + " AND " + column + " < " + below;
    }

    /** {@code expression} of {@code v}, with {@code value} written once as {@code v}. */
    private static String of(String value, String expression) {
        return "(SELECT " + expression + " FROM (SELECT " + value + " AS v))";
    }

    /** SQL giving {@code x}'s one spelling: a space before the time, no trailing zero in the fraction. */
    private static String spelled(String x, ValueKind kind) {
        String prefix = kind == ValueKind.TIMESTAMP ? "substr(" + x + ", 1, 10) || ' ' || substr(" + x + ", 12, 8)"
                : "substr(" + x + ", 1, 8)";
        String tail = "substr(" + x + ", " + (kind == ValueKind.TIMESTAMP ? 20 : 9) + ")";
        // the offset: what follows the fraction's point and digits
        String offset = "ltrim(ltrim(" + tail + ", '.'), '0123456789')";
        String fraction = "rtrim(rtrim(substr(" + tail + ", 1, length(" + tail + ") - length(" + offset + ")), '0'),"
                + " '.')";
        return prefix + " || " + fraction + " || " + offset;
    }
}
