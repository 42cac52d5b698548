package io.matey.shell.command;

import io.matey.engine.Engine;
import io.matey.error.MateyException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --lock-timeout}: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or a bare number of seconds ({@code 0}
 * fails at once), as the help, the README and the error say (dbmate has no such flag: {@code matey dbmate
 * --wait-timeout} stays a Go duration, as dbmate's).
 */
final class LockTimeouts {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private LockTimeouts() {
    }

    /** The bound for the option's value; the default when it is absent. */
    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return Engine.DEFAULT_LOCK_TIMEOUT;
        }
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new MateyException("--lock-timeout must be a duration such as 500ms, 30s, 5m or 1h, or a number of "
                    + "seconds (10 = 10s; 0 fails at once), got '" + value + "'.");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
