package io.matey.shell;

import java.util.function.Consumer;

/**
 * Progress lines for long operations: shown on a terminal, silent in a pipe, a CI log or beside JSON output. A
 * migration's section that runs longer than {@link #QUIET_MILLIS} is said to be running when it passes that.
 */
public final class Progress {

    static final long QUIET_MILLIS = 2000;

    private Progress() {
    }

    public static Consumer<String> forTerminal() {
        boolean terminal = Style.terminal() && System.getenv("CI") == null;
        return terminal ? new TerminalProgress(System.err, QUIET_MILLIS) : line -> { };
    }

    /** As {@link #forTerminal()}, and silent when the command prints JSON. */
    public static Consumer<String> forTerminal(ReportFormat format) {
        return format == ReportFormat.JSON ? line -> { } : forTerminal();
    }
}
