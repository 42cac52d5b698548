package io.matey.shell;

import java.io.PrintWriter;
import org.jline.terminal.Terminal;
import org.springframework.stereotype.Component;

/**
 * Writes command output through the shell's terminal (stdout when scripted, the session when interactive);
 * report commands print first and may then end with an exit code.
 */
@Component
public class Console {

    private final Terminal terminal;

    public Console(Terminal terminal) {
        this.terminal = terminal;
    }

    public void print(String text) {
        if (!text.isEmpty()) {
            PrintWriter writer = terminal.writer();
            writer.println(text.stripTrailing());
            writer.flush();
        }
    }

    /** Ends the command with exit code 1 when {@code --exit-code} was given and the report found a problem. */
    public static void exitIf(boolean exitCodeRequested, boolean problem) {
        if (exitCodeRequested && problem) {
            throw new ExitStatusException(1);
        }
    }
}
