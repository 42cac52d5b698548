package io.matey.shell;

/**
 * {@code --format text|json} of report commands: an enum, so a wrong value is refused with the accepted ones before
 * the command runs, in the same words for every command (docs/architecture.md §8).
 */
public enum ReportFormat {
    TEXT, JSON
}
