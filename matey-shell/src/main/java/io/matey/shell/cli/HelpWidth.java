package io.matey.shell.cli;

import io.matey.shell.Style;
import java.io.IOException;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * The column at which {@link Help} wraps: the terminal's width when a person reads stdout there (bounded, so that
 * a narrow pane stays readable and a wide one keeps lines short), else a fixed width, so that help piped to a file,
 * a pager or a test reads the same everywhere (docs/architecture.md §8).
 */
final class HelpWidth {

    /** The width of help that no terminal shows. */
    static final int FIXED = 100;
    static final int MIN = 60;
    static final int MAX = 120;

    private HelpWidth() {
    }

    /** The width for this process's stdout; asks the terminal its size only when stdout is one. */
    static int current() {
        return Style.terminal() ? choose(true, System.getenv("COLUMNS"), terminalColumns()) : FIXED;
    }

    /**
     * @param terminal        whether stdout is a terminal
     * @param columns         the {@code COLUMNS} variable, which wins when it holds a positive number (a user's own
     *                        choice, as for other tools), or null
     * @param terminalColumns the terminal's width as it reports it; 0 or less when it could not tell
     */
    static int choose(boolean terminal, String columns, int terminalColumns) {
        if (!terminal) {
            return FIXED;
        }
        int width = positive(columns);
        if (width <= 0) {
            width = terminalColumns;
        }
        return width <= 0 ? FIXED : Math.max(MIN, Math.min(MAX, width));
    }

    private static int positive(String number) {
        if (number == null || !number.trim().matches("[0-9]{1,6}")) {
            return 0;
        }
        return Integer.parseInt(number.trim());
    }

    /** stdout's width, as JLine's line editor reads it ({@code stty}); -1 when it could not tell. */
    private static int terminalColumns() {
        try {
            return TerminalProvider.load("exec").systemStreamWidth(SystemStream.Output);
        } catch (IOException e) {
            return -1;
        }
    }
}
