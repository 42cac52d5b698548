package io.matey.shell;

import java.util.function.Consumer;

/** Progress lines for long operations: shown on a terminal, silent in a pipe or CI log. */
public final class Progress {

    private Progress() {
    }

    /** For a long-running command: progress lines on a terminal; Ctrl-C ends the command (exit 130). */
    public static Consumer<String> forTerminal() {
        if (!"true".equals(System.getProperty("matey.interactive"))) {
            InterruptHandler.install();
        }
        boolean terminal = System.console() != null && System.getenv("CI") == null;
        return terminal ? line -> System.err.println("  " + line) : line -> { };
    }
}
