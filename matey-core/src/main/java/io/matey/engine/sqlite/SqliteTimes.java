package io.matey.engine.sqlite;

import io.matey.data.IsoTimes;
import io.matey.data.ValueKind;
import java.time.temporal.Temporal;
import java.util.regex.Pattern;

/**
 * Dates and times as SQLite's own functions write them (docs/architecture.md §3): {@code YYYY-MM-DD},
 * {@code HH:MM:SS[.SSS]} and {@code YYYY-MM-DD HH:MM:SS[.SSS]}, as {@code date()}, {@code time()},
 * {@code datetime()} and {@code CURRENT_TIMESTAMP} do, so that a value data apply stores compares as text with the
 * application's own (SQLite has no date type: {@code paid_at <= '2024-02-03 23:59:59'} compares text). A finer
 * fraction keeps its digits and an offset stays as given, both of which SQLite's functions read.
 */
final class SqliteTimes {

    /** Python's microseconds of a whole millisecond: {@code .500000} is SQLite's {@code .500}. */
    private static final Pattern MILLISECONDS = Pattern.compile("(\\.\\d{3})000(?!\\d)");

    private SqliteTimes() {
    }

    /**
     * SQL giving, for {@code value} (an SQL expression holding a time or timestamp in the form {@link #text} writes),
     * the ISO form Matey wrote before ({@code 2024-01-02T03:04:05.250000}, as {@code IsoTimes.text}), which rows an
     * older Matey or a hand wrote hold: a {@code T} between date and time, and six fraction digits where this form
     * has three. {@code value} appears once, so that a parameter is bound once.
     */
    static String isoSql(String value, ValueKind kind) {
        // positions (1-based) of the fraction's '.' and of what follows three fraction digits
        int dot = kind == ValueKind.TIMESTAMP ? 20 : 9;
        String threeDigits = "substr(v, " + dot + ", 1) = '.' AND substr(v, " + (dot + 4) + ", 1) NOT GLOB '[0-9]'";
        int time = kind == ValueKind.TIMESTAMP ? 12 : 1;
        String date = kind == ValueKind.TIMESTAMP ? "substr(v, 1, 10) || 'T' || " : "";
        return "(SELECT " + date + "CASE WHEN " + threeDigits + " THEN substr(v, " + time + ", " + (dot + 4 - time)
                + ") || '000' || substr(v, " + (dot + 4) + ") ELSE substr(v, " + time + ") END FROM (SELECT " + value
                + " AS v))";
    }

    static String text(Temporal value) {
        String iso = MILLISECONDS.matcher(IsoTimes.text(value)).replaceFirst("$1");
        int t = iso.indexOf('T');
        return t < 0 ? iso : iso.substring(0, t) + ' ' + iso.substring(t + 1);
    }
}
