package io.matey.shell;

import java.util.function.Consumer;

/** Progress lines for long operations: shown on a terminal, silent in a pipe or CI log. */
public final class Progress {

    private Progress() {
    }

    public static Consumer<String> forTerminal() {
        boolean terminal = Style.terminal() && System.getenv("CI") == null;
        return terminal ? line -> System.err.println("  " + line) : line -> { };
    }
}
