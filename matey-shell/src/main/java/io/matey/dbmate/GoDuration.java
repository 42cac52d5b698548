package io.matey.dbmate;

import io.matey.error.MateyException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as dbmate (Go) writes them: {@code 1m0s}, {@code 30s}, {@code 500ms}, {@code 1.5h}. */
final class GoDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    static Duration parse(String flag, String text) {
        String value = text.strip();
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(value);
        double nanos = 0;
        int end = 0;
        while (m.lookingAt()) {
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            end = m.end();
            m.region(end, value.length());
        }
        if (end == 0 || end != value.length()) {
            throw new MateyException("invalid value \"" + text + "\" for flag " + flag
                    + ": expected a duration such as 30s, 1m0s or 500ms.");
        }
        return Duration.ofNanos((long) nanos);
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }

    /** A short human form, as dbmate prints a migration's duration ({@code 1.254ms}, {@code 2.1s}). */
    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.3fµs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.3fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
    }
}
