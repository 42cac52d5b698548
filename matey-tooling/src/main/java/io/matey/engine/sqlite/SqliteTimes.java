package io.matey.engine.sqlite;

import io.matey.data.IsoTimes;
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

    static String text(Temporal value) {
        String iso = IsoTimes.text(value);
        if (iso.indexOf('.') >= 0) {
            // only a fraction can end in Python's microseconds; a date of every row of a file skips the regex
            iso = MILLISECONDS.matcher(iso).replaceFirst("$1");
        }
        int t = iso.indexOf('T');
        return t < 0 ? iso : iso.substring(0, t) + ' ' + iso.substring(t + 1);
    }
}
