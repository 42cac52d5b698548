package io.matey.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.regex.Pattern;

/**
 * Dates and times as Python's {@code isoformat()} writes them ({@code 2024-01-02T03:04:05.500000+00:00}: seconds
 * always, microseconds only when non-zero, offsets as {@code ±HH:MM}), and the ISO-8601 forms read back.
 */
public final class IsoTimes {

    /** psql prints {@code +00}; ISO wants {@code +00:00}. */
    private static final Pattern HOUR_ONLY_OFFSET = Pattern.compile("([+-]\\d{2})$");

    private IsoTimes() {
    }

    static String date(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return date.toString(); // signed and longer years, in the formatter's own form
        }
        // Four-digit years directly: written for every date of every row, and the same text as toString.
        StringBuilder out = new StringBuilder(10);
        two(out, year / 100);
        two(out, year % 100).append('-');
        two(out, date.getMonthValue()).append('-');
        return two(out, date.getDayOfMonth()).toString();
    }

    static String time(LocalTime time) {
        StringBuilder out = seconds(new StringBuilder(15), time);
        int nanos = time.getNano();
        if (nanos != 0) {
            // Python has microseconds; a finer value (no engine here stores one) keeps all nine digits.
            String fraction = String.format("%09d", nanos);
            out.append('.').append(nanos % 1000 == 0 ? fraction.substring(0, 6) : fraction);
        }
        return out.toString();
    }

    private static StringBuilder seconds(StringBuilder out, LocalTime time) {
        two(out, time.getHour()).append(':');
        two(out, time.getMinute()).append(':');
        return two(out, time.getSecond());
    }

    static String dateTime(LocalDateTime value) {
        return date(value.toLocalDate()) + "T" + time(value.toLocalTime());
    }

    /**
     * {@code value} with exactly {@code digits} digits after the point (none for 0), the one form a timestamp column
     * of that precision exports (MySQL's {@code DATETIME(n)}, ClickHouse's {@code DateTime64(n)}); any other spelling
     * of the instant reads back as the same value.
     */
    public static String dateTime(LocalDateTime value, int digits) {
        StringBuilder out = seconds(new StringBuilder(date(value.toLocalDate())).append('T'), value.toLocalTime());
        return digits == 0 ? out.toString() : out.append('.').append(String.format("%09d", value.getNano()), 0, digits)
                .toString();
    }

    static String offsetDateTime(OffsetDateTime value) {
        return dateTime(value.toLocalDateTime()) + offset(value.getOffset());
    }

    /**
     * {@code value}, a time or timestamp of a data file, when its fraction has at most {@code digits} digits; refused,
     * naming the digits {@code type} holds, when not: the server would cut the rest off or round it, so the table would
     * differ from the file at every apply (docs/architecture.md §3).
     */
    public static Temporal withinDigits(Temporal value, int digits, String type) throws ValueException {
        int nanos = value instanceof LocalDateTime t ? t.getNano() : value instanceof LocalTime t ? t.getNano() : 0;
        if (nanos % (int) Math.pow(10, 9 - digits) != 0) {
            throw new ValueException(text(value) + " has more than " + digits + " digit(s) after the point, which "
                    + type + " holds (the database would cut the rest off or round it): write at most " + digits);
        }
        return value;
    }

    /** Any temporal value Matey reads or writes, in its ISO form; PostgreSQL's infinities as it spells them. */
    public static String text(Temporal value) {
        Infinity infinity = Infinity.of(value);
        if (infinity != null) {
            return infinity.text;
        }
        if (value instanceof LocalDate date) {
            return date(date);
        }
        if (value instanceof LocalTime time) {
            return time(time);
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime(dateTime);
        }
        return offsetDateTime((OffsetDateTime) value);
    }

    /**
     * PostgreSQL's {@code infinity} and {@code -infinity} dates and timestamps, which its JDBC driver reads and
     * binds as the MAX and MIN of the java.time type (no real value is that far out: PostgreSQL ends at year 5874897).
     */
    enum Infinity {
        POSITIVE("infinity", LocalDate.MAX, LocalDateTime.MAX, OffsetDateTime.MAX),
        NEGATIVE("-infinity", LocalDate.MIN, LocalDateTime.MIN, OffsetDateTime.MIN);

        final String text;
        private final LocalDate date;
        private final LocalDateTime dateTime;
        private final OffsetDateTime offsetDateTime;

        Infinity(String text, LocalDate date, LocalDateTime dateTime, OffsetDateTime offsetDateTime) {
            this.text = text;
            this.date = date;
            this.dateTime = dateTime;
            this.offsetDateTime = offsetDateTime;
        }

        /** The infinity {@code value} stands for; null for a real date or time. */
        static Infinity of(Temporal value) {
            for (Infinity infinity : values()) {
                if (value.equals(infinity.date) || value.equals(infinity.dateTime) || value.equals(infinity.offsetDateTime)) {
                    return infinity;
                }
            }
            return null;
        }

        /** The infinity spelled {@code text}; null for any other text. */
        static Infinity parse(String text) {
            for (Infinity infinity : values()) {
                if (infinity.text.equals(text)) {
                    return infinity;
                }
            }
            return null;
        }

        /** This infinity as a value of the kind of column it is in (a date, or a timestamp with or without zone). */
        Temporal as(ValueKind kind) {
            return switch (kind) {
                case DATE -> date;
                case TIMESTAMPTZ -> offsetDateTime;
                default -> dateTime;
            };
        }
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        StringBuilder out = new StringBuilder(seconds < 0 ? "-" : "+");
        int abs = Math.abs(seconds);
        two(out, abs / 3600).append(':');
        two(out, abs / 60 % 60);
        if (abs % 60 != 0) {
            two(out.append(':'), abs % 60);
        }
        return out.toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    public static LocalDate parseDate(String text) throws DateTimeParseException {
        // The plain YYYY-MM-DD form directly, as data files hold it row after row: the formatter is several times
        // slower. Anything else, an invalid date included, goes to the formatter for its own verdict.
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year))) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** The ASCII digits from {@code start} to {@code end} as a number; -1 when any is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static LocalTime parseTime(String text) throws DateTimeParseException {
        return LocalTime.parse(text);
    }

    /** A date and time with a {@code T} or a space between them: a {@link LocalDateTime} or {@link OffsetDateTime}. */
    public static Temporal parseDateTime(String text) throws DateTimeParseException {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11) : text;
        iso = HOUR_ONLY_OFFSET.matcher(iso).replaceFirst("$1:00");
        return (Temporal) DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
    }
}
