package io.matey.engine.clickhouse;

import io.matey.data.IsoTimes;
import io.matey.data.ValueException;
import java.time.LocalDateTime;

/**
 * A {@code DateTime} or {@code DateTime64(P)} value's text in data files (docs/architecture.md §3): ISO-8601 with
 * exactly the type's P digits after the point (none for {@code DateTime} and {@code DateTime64(0)}), so that export
 * writes one form per column, top-level or nested, and apply reads it back as the same value. A finer fraction is
 * refused: ClickHouse would cut it off, so the table would differ from the file at every apply.
 */
final class ClickHouseTimestamps {

    private ClickHouseTimestamps() {
    }

    /** Whether values of {@code type} are timestamps, written as {@link #text} writes them. */
    static boolean isTimestamp(ClickHouseDataType type) {
        return type.name().equals("DateTime") || type.name().equals("DateTime64");
    }

    /** {@code value} in its file form at the precision of {@code type}, a {@link #isTimestamp} type. */
    static String text(LocalDateTime value, ClickHouseDataType type) {
        return IsoTimes.dateTime(value, digits(type));
    }

    /** An ISO-8601 timestamp's text (a file's, or the driver's) at the precision of {@code type}. */
    static String text(String iso, ClickHouseDataType type) {
        return text((LocalDateTime) IsoTimes.parseDateTime(iso), type);
    }

    /** {@code value} when {@code type} holds its fraction; refused, naming the digits it holds, when not. */
    static LocalDateTime check(LocalDateTime value, ClickHouseDataType type) throws ValueException {
        return (LocalDateTime) IsoTimes.withinDigits(value, digits(type), type.text());
    }

    private static int digits(ClickHouseDataType type) {
        return type.name().equals("DateTime64") ? type.number(0) : 0;
    }
}
