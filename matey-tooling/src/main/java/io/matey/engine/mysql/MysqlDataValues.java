package io.matey.engine.mysql;

import io.matey.data.ColumnType;
import io.matey.data.IsoTimes;
import io.matey.data.ValueBinder;
import io.matey.data.ValueException;
import io.matey.data.ValueKind;
import io.matey.data.ValueReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.HexFormat;

/**
 * MySQL/MariaDB values whose file form is not the standard JDBC one (docs/architecture.md §3): TIME as a duration
 * ({@link MysqlDurations}), BIT(n) as hex of its width ({@link MysqlBits}), a {@code TINYINT(1)} holding another
 * number than 0 or 1 as that number, a DATETIME(n) or TIMESTAMP(n) with its n digits after the point; and the values
 * no file form holds, refused: a zero date or one with a zero month or day, and a fraction finer than a DATETIME's or
 * TIMESTAMP's digits.
 */
final class MysqlDataValues {

    private MysqlDataValues() {
    }

    static Object read(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        if (MysqlColumnTypes.isTime(type)) {
            String text = rs.getString(index);
            return text == null ? null : MysqlDurations.text(text, type);
        }
        if (MysqlColumnTypes.isBit(type)) {
            byte[] bytes = rs.getBytes(index);
            return bytes == null ? null : MysqlBits.text(bytes, type);
        }
        if (type.kind() == ValueKind.BOOLEAN) {
            long value = rs.getLong(index);
            return rs.wasNull() ? null : value == 0 || value == 1 ? (Object) (value == 1) : (Object) value;
        }
        if (type.kind() != ValueKind.DATE && type.kind() != ValueKind.TIMESTAMP) {
            return ValueReader.read(rs, index, type);
        }
        Object value;
        try {
            value = ValueReader.read(rs, index, type);
        } catch (DateTimeException e) {
            throw noDate(rs.getString(index), "a date with a zero month or day");
        }
        // The driver reads a zero date as NULL, which its text tells apart.
        String text = value == null ? rs.getString(index) : null;
        if (text != null) {
            throw noDate(text, "a zero date");
        }
        return value;
    }

    private static ValueException noDate(String text, String what) {
        return new ValueException("holds " + text + ", " + what + ", which no data file form holds (no ISO-8601 date "
                + "is one, and null is another value); store a real date or NULL in the row (sql_mode NO_ZERO_DATE and "
                + "NO_ZERO_IN_DATE keep such dates out), or leave the table out of the data set");
    }

    static void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        if (value instanceof Long number && type.kind() == ValueKind.BOOLEAN) {
            ps.setLong(index, number);
        } else if (value != null && MysqlColumnTypes.isBit(type)) {
            ps.setBytes(index, HexFormat.of().parseHex((String) value));
        } else {
            ValueBinder.bind(ps, index, type, value);
        }
    }

    /**
     * A DATETIME(n) or TIMESTAMP(n) as export writes it: exactly its n digits after the point, as a TIME's
     * ({@link MysqlDurations}); apply reads any spelling of the instant as the same value.
     */
    static Object exported(Object value, ColumnType type) {
        return value instanceof LocalDateTime time && type.kind() == ValueKind.TIMESTAMP
                ? IsoTimes.dateTime(time, type.scale()) : value;
    }

    /** A file's TIME or BIT in its one spelling; other types' text as it is. */
    static String otherValue(String text, ColumnType type) throws ValueException {
        if (MysqlColumnTypes.isTime(type)) {
            return MysqlDurations.text(text, type);
        }
        return MysqlColumnTypes.isBit(type) ? MysqlBits.text(text, type) : text;
    }

    /** A timestamp with a finer fraction than its column's digits is refused: the server would round or cut it off. */
    static Temporal time(Temporal value, ColumnType type) throws ValueException {
        return IsoTimes.withinDigits(value, type.scale(), type.label());
    }
}
