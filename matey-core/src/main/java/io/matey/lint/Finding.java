package io.matey.lint;

import io.matey.artifact.CodePointOrder;
import java.util.Comparator;
import java.util.Locale;

/**
 * One lint result.
 *
 * @param target  the target name ({@code .}, {@code db/core})
 * @param path    target-relative path of the file concerned ({@code .} for the target itself)
 * @param line    1-based line in that file, or null when the finding concerns the whole file
 * @param hint    how to accept the finding on purpose ({@code -- matey:nolint}) or, for artifacts, how to fix it
 */
public record Finding(Level level, String code, String target, String path, Integer line, String message,
        String hint) {

    /**
     * Errors make {@code matey lint} exit 1; warnings too with {@code --exit-code}; notes only report what was
     * accepted on purpose elsewhere (config.toml).
     */
    public enum Level {
        ERROR, WARNING, NOTE;

        /** {@code error} / {@code warning} / {@code note}, as JSON output spells it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The order of Python matey's output: path, line (0 when absent), code, message. One lambda of our own, which
     * the class-data cache holds, rather than a chain of Comparator.comparing that every run spins anew
     * (docs/architecture.md §8).
     */
    public static final Comparator<Finding> ORDER = (a, b) -> {
        int order = CodePointOrder.INSTANCE.compare(a.path(), b.path());
        if (order == 0) {
            order = Integer.compare(a.line() == null ? 0 : a.line(), b.line() == null ? 0 : b.line());
        }
        if (order == 0) {
            order = a.code().compareTo(b.code());
        }
        return order != 0 ? order : CodePointOrder.INSTANCE.compare(a.message(), b.message());
    };

    public boolean isError() {
        return level == Level.ERROR;
    }
}
