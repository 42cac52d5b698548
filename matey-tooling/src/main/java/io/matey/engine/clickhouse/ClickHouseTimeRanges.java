package io.matey.engine.clickhouse;

import io.matey.data.ValueException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;

/**
 * The dates and times ClickHouse's types hold, as its documentation gives them: {@code Date} 1970-01-01 to
 * 2149-06-06, {@code Date32} 1900-01-01 to 2299-12-31, {@code DateTime} the instants 1970-01-01 00:00:00 to
 * 2106-02-07 06:28:15 UTC, {@code DateTime64} 1900-01-01 00:00:00 to 2299-12-31 23:59:59.99999999 UTC (to
 * 2262-04-11 23:47:16.854775807 at precision 9). ClickHouse refuses no value outside them: it clamps it (2200-12-01
 * in a {@code DateTime} is stored as 2106-02-07 06:28:15), so data apply refuses it by its line instead. Times are
 * local to the column's time zone; a column without one is taken to be in UTC (the server's zone is not known
 * while a file is read), so on a server in another zone a value within its offset of a limit is checked as UTC.
 */
final class ClickHouseTimeRanges {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Instant DATE_TIME_MAX = Instant.ofEpochSecond(0xFFFF_FFFFL);
    private static final Instant DATE_TIME64_MIN = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant DATE_TIME64_MAX = Instant.parse("2299-12-31T23:59:59.99999999Z");
    private static final Instant DATE_TIME64_NANOS_MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private ClickHouseTimeRanges() {
    }

    /** {@code value} when a column of {@code type} holds it; refused, naming the type's range, when not. */
    static Temporal check(Temporal value, ClickHouseDataType type) throws ValueException {
        switch (type.name()) {
            case "Date" -> within((LocalDate) value, LocalDate.EPOCH, LocalDate.of(2149, 6, 6));
            case "Date32" -> within((LocalDate) value, LocalDate.of(1900, 1, 1), LocalDate.of(2299, 12, 31));
            case "DateTime" -> within((LocalDateTime) value, zone(type), Instant.EPOCH, DATE_TIME_MAX);
            case "DateTime64" -> within((LocalDateTime) value, zone(type), DATE_TIME64_MIN,
                    type.number(0) == 9 ? DATE_TIME64_NANOS_MAX : DATE_TIME64_MAX);
            default -> {
                // a type without a range of its own
            }
        }
        return value;
    }

    private static void within(LocalDate value, LocalDate min, LocalDate max) throws ValueException {
        if (value.isBefore(min) || value.isAfter(max)) {
            throw new ValueException(value + " is out of range [" + min + ", " + max + "]");
        }
    }

    private static void within(LocalDateTime value, ZoneId zone, Instant min, Instant max) throws ValueException {
        if (zone.getRules().getValidOffsets(value).isEmpty()) {
            throw new ValueException(shown(value) + " does not exist in " + zone + " (its clocks skip it), so ClickHouse"
                    + " would store another time: write " + shown(value.atZone(zone).toLocalDateTime())
                    + ", the same instant");
        }
        Instant instant = value.atZone(zone).toInstant();
        if (instant.isBefore(min) || instant.isAfter(max)) {
            throw new ValueException(shown(value) + " is out of range [" + shown(min, zone) + ", "
                    + shown(max, zone) + "]" + (zone.equals(ZoneOffset.UTC) ? "" : " in " + zone));
        }
    }

    private static String shown(Instant limit, ZoneId zone) {
        return shown(LocalDateTime.ofInstant(limit, zone));
    }

    /** As ClickHouse writes it, with the fraction of a second only when there is one. */
    private static String shown(LocalDateTime value) {
        String fraction = value.getNano() == 0 ? "" : String.format(".%09d", value.getNano()).replaceAll("0+$", "");
        return SHOWN.format(value) + fraction;
    }

    /** The time zone a timestamp type names, or null when it names none (or one Java lacks). */
    static ZoneId namedZone(ClickHouseDataType type) {
        int index = type.name().equals("DateTime64") ? 1 : 0;
        try {
            return type.arguments().size() > index ? ZoneId.of(type.string(index)) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The zone of a timestamp type; UTC for one without a zone or with one Java lacks, checked as UTC. */
    private static ZoneId zone(ClickHouseDataType type) {
        ZoneId zone = namedZone(type);
        return zone == null ? ZoneOffset.UTC : zone;
    }
}
