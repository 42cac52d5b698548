package io.matey.engine.mysql;

import io.matey.data.ColumnType;
import io.matey.data.ValueException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MySQL/MariaDB TIME value's text in data files (docs/architecture.md §3): a duration from -838:59:59 to
 * 838:59:59, not a time of day, so no ISO-8601 time holds it. Files spell it as the server does,
 * {@code [-]HH:MM:SS} with at least two hour digits and exactly the column's digits after the point
 * ({@code 25:00:00.123} in a TIME(3)), export writes that, and apply compares any spelling of the same duration in it
 * ({@code -0:00:00.5} is {@code -00:00:00.500}). A finer fraction, which the server would round or cut off, and a
 * duration beyond the range, which it would clamp, are refused.
 */
final class MysqlDurations {

    private static final Pattern DURATION = Pattern.compile("(-?)(\\d{1,9}):([0-5]\\d):([0-5]\\d)(?:\\.(\\d{1,9}))?");
    private static final long MAX_SECONDS = 838 * 3600 + 59 * 60 + 59;

    private MysqlDurations() {
    }

    /** {@code text}, a file's or the server's, in the one spelling of its duration at the precision of {@code type}. */
    static String text(String text, ColumnType type) throws ValueException {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new ValueException("expected a duration [-]HH:MM:SS[.ffffff] (MySQL's TIME), got " + quoted(text));
        }
        int digits = type.scale();
        String fraction = m.group(5) == null ? "" : m.group(5);
        if (fraction.length() > digits && !fraction.substring(digits).matches("0*")) {
            throw new ValueException(quoted(text) + " has more than " + digits + " digit(s) after the point, "
                    + "which " + type.label() + " holds (the server would round or cut off the rest)");
        }
        fraction = (fraction + "0".repeat(digits)).substring(0, digits);
        long hours = Long.parseLong(m.group(2));
        if (hours * 3600 + Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4)) > MAX_SECONDS) {
            throw new ValueException(quoted(text) + " is outside the range of " + type.label()
                    + ", -838:59:59 to 838:59:59");
        }
        String unsigned = (hours < 10 ? "0" : "") + hours + ":" + m.group(3) + ":" + m.group(4)
                + (digits == 0 ? "" : "." + fraction);
        // -00:00:00 is zero, which the server writes unsigned
        return m.group(1).isEmpty() || unsigned.matches("[0:.]*") ? unsigned : "-" + unsigned;
    }

    static String quoted(String text) {
        return '"' + text + '"';
    }
}
