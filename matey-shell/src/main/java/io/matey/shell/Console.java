package io.matey.shell;

import io.matey.engine.MateyUrl;
import java.io.PrintStream;

/**
 * Command output on stdout, and {@code error: <message>} on stderr with every URL masked; report commands print
 * first and may then end with an exit code.
 */
public class Console {

    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    /** The stream itself, for a command that writes its lines as it goes ({@code matey dbmate}). */
    public PrintStream stream() {
        return out;
    }

    /** Prints text as a block of lines (trailing blanks dropped); nothing for empty text. */
    public void print(String text) {
        if (!text.isEmpty()) {
            out.println(text.stripTrailing());
            out.flush();
        }
    }

    /** Prints text exactly as given. */
    public void write(String text) {
        out.print(text);
        out.flush();
    }

    /** {@code error: <message>} on stderr, the URL passwords in it masked. */
    public static void error(String message) {
        System.err.println(Style.stderrRed("error:") + " " + MateyUrl.mask(message));
        System.err.flush();
    }

    /** Ends the command with exit code 1 when {@code --exit-code} was given and the report found a problem. */
    public static void exitIf(boolean exitCodeRequested, boolean problem) {
        if (exitCodeRequested && problem) {
            throw new ExitStatusException(1);
        }
    }
}
