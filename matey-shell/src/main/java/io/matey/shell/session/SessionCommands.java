package io.matey.shell.session;

import io.matey.log.Secrets;
import io.matey.shell.Console;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session does with each line, typed or piped in: {@code #} comments and blank lines are skipped as sh skips
 * them, {@code exit} ends the session, and a command runs as its own process ({@link CommandProcess}); the exit code
 * of the last one that failed is kept for a scripted session (docs/architecture.md §8).
 */
final class SessionCommands {

    private final List<String> globalOptions;
    /** The exit code of the last command that failed, 0 while none has. */
    private int lastFailure;

    SessionCommands(List<String> globalOptions) {
        this.globalOptions = globalOptions;
    }

    int lastFailure() {
        return lastFailure;
    }

    /**
     * Performs a line given as typed and as parsed into words; {@code clear} clears the screen. False when the line
     * ends the session.
     */
    boolean perform(String line, List<String> parsed, Runnable clear) {
        if (SessionSyntax.comment(line)) {
            return true;
        }
        List<String> words = SessionSyntax.typed(parsed.stream().filter(word -> !word.isEmpty()).toList());
        if (words.isEmpty()) {
            return true;
        }
        if (words.equals(List.of("exit")) || words.equals(List.of("quit"))) {
            return false;
        }
        if (words.equals(List.of("clear"))) {
            clear.run();
        } else if (MaskedHistory.holdsMask(line)) {
            // recalled from the history file, which keeps no passwords: the server would only refuse the login
            Console.error("The password in this line is " + Secrets.MASK + ", the mask the session history keeps "
                    + "in place of passwords: type the password again, or leave out --url and set the URL in the "
                    + "target's url_env variable (DATABASE_URL by default).");
            lastFailure = 2;
        } else {
            run(words);
        }
        return true;
    }

    /** Runs the command line with the session's global options (the session lets Ctrl-C pass by meanwhile). */
    private void run(List<String> words) {
        List<String> args = new ArrayList<>(globalOptions);
        args.addAll(words);
        try {
            int exitCode = CommandProcess.run(args);
            if (exitCode != 0) {
                lastFailure = exitCode;
            }
        } catch (IOException e) {
            Console.error("Cannot run the command: " + e.getMessage());
            lastFailure = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
