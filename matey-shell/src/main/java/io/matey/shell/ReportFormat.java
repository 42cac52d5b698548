package io.matey.shell;

import io.matey.error.MateyException;

/** {@code --format text|json} of report commands. */
public enum ReportFormat {
    TEXT, JSON;

    public static ReportFormat parse(String value) {
        if (value == null || value.equalsIgnoreCase("text")) {
            return TEXT;
        }
        if (value.equalsIgnoreCase("json")) {
            return JSON;
        }
        throw new MateyException("Unsupported --format '" + value + "': use text or json.");
    }
}
