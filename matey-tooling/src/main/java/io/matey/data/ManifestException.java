package io.matey.data;

import io.matey.error.MateyException;

/**
 * A {@code data.toml} that {@code data apply} refuses. The message names the manifest and its line; lint's L212
 * reports the line and the problem apart, beside the target-relative path it gives the file.
 */
public final class ManifestException extends MateyException {

    private final Integer line;
    private final String problem;

    /**
     * @param line    the manifest's line, null where TOML gives none (the file cannot be read)
     * @param problem the message without the manifest's path and line
     */
    ManifestException(String message, Integer line, String problem) {
        super(message);
        this.line = line;
        this.problem = problem;
    }

    /** The manifest's line, or null. */
    public Integer line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
