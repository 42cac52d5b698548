package io.matey.shell.session;

import io.matey.log.Secrets;
import io.matey.shell.Console;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session does with each line, typed or piped in: {@code #} comments and blank lines are skipped as sh skips
 * them, {@code exit} ends the session, and a command runs as its own process ({@link CommandProcess}); the worst exit
 * code of the lines is kept for a scripted session (docs/architecture.md §8).
 */
final class SessionCommands {

    private final List<String> globalOptions;
    private final SessionSignals signals;
    /**
     * The highest exit code of the lines so far, 0 while none failed: as {@code --all} reports its worst target, a
     * usage error (2) outranks a report's {@code --exit-code} (1), and an interrupted command (130, 143) both.
     */
    private int worstFailure;

    SessionCommands(List<String> globalOptions, SessionSignals signals) {
        this.globalOptions = globalOptions;
        this.signals = signals;
    }

    int worstFailure() {
        return worstFailure;
    }

    /**
     * Performs a line given as typed and as parsed into words; {@code maskRecalled}: a line holding the mask was
     * recalled from the history file while it was edited ({@link MaskedHistory#maskRecalled}); {@code clear} clears
     * the screen. False when the line ends the session.
     */
    boolean perform(String line, List<String> parsed, boolean maskRecalled, Runnable clear) {
        if (SessionSyntax.comment(line)) {
            return true;
        }
        int unclosed = ShellWords.unclosedQuote(line);
        if (unclosed >= 0) {
            Console.error("Unterminated quote: the " + (line.charAt(unclosed) == '"' ? "double" : "single") + " quote at "
                    + "column " + (unclosed + 1) + " is not closed, so nothing ran (sh refuses such a line too): close it, "
                    + "or write a quote meant as text as \\" + line.charAt(unclosed) + ".");
            keepWorst(2);
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
        } else if (maskRecalled && MaskedHistory.holdsMask(line)) {
            // recalled from the history file, which keeps no passwords: the server would only refuse the login
            Console.error("The password in this line is " + Secrets.MASK + ", the mask the session history keeps "
                    + "in place of passwords: type the password again, or leave out --url and set the URL in the "
                    + "target's url_env variable (DATABASE_URL by default).");
            keepWorst(2);
        } else {
            run(words);
        }
        return true;
    }

    /** Runs the command line with the session's global options; a signal to the session stops it ({@link SessionSignals}). */
    private void run(List<String> words) {
        List<String> args = new ArrayList<>(globalOptions);
        args.addAll(words);
        try {
            keepWorst(signals.run(CommandProcess.of(args)));
        } catch (IOException e) {
            Console.error("Cannot run the command: " + e.getMessage());
            keepWorst(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void keepWorst(int exitCode) {
        worstFailure = Math.max(worstFailure, exitCode);
    }
}
