package io.matey.shell.session;

import io.matey.shell.Completions;
import io.matey.shell.Console;
import io.matey.shell.Style;
import io.matey.shell.cli.CommandCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code matey} without a command: a line editor with completion and history that runs each command line as
 * its own process ({@link CommandProcess}). {@code NO_COLOR} only makes the prompt and completion lists plain;
 * line editing stays (docs/architecture.md §8).
 */
public final class InteractiveSession {

    private static final List<String> COMPLETION_STYLES = List.of(LineReader.COMPLETION_STYLE_STARTING,
            LineReader.COMPLETION_STYLE_DESCRIPTION, LineReader.COMPLETION_STYLE_GROUP,
            LineReader.COMPLETION_STYLE_SELECTION, LineReader.COMPLETION_STYLE_BACKGROUND,
            LineReader.COMPLETION_STYLE_LIST_STARTING, LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
            LineReader.COMPLETION_STYLE_LIST_GROUP, LineReader.COMPLETION_STYLE_LIST_SELECTION,
            LineReader.COMPLETION_STYLE_LIST_BACKGROUND);

    private static final Signal INTERRUPT = new Signal("INT");

    /**
     * JLine reports through java.util.logging, which prints to stderr by default: without a terminal (input piped
     * in) it warns that it falls back to a dumb one, which is what a scripted session wants. Held here because the
     * logging framework keeps its loggers weakly, and a collected one loses its level.
     */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    /** The exit code of the last command that failed, 0 while none has: a scripted session's exit code. */
    private int lastFailure;

    private final CommandCatalog catalog;
    private final List<String> globalOptions;

    public InteractiveSession(CommandCatalog catalog, List<String> globalOptions) {
        this.catalog = catalog;
        this.globalOptions = globalOptions;
    }

    /**
     * Runs the session until {@code exit} or end of input. Its exit code: 0 on a terminal, where a person saw each
     * failure; reading a script (stdin or stdout no terminal), that of the last command that failed, so that a failure
     * anywhere in the script reaches its caller (docs/architecture.md §8).
     */
    public int run() {
        JLINE_LOG.setLevel(Level.OFF);
        Path history = MaskedHistory.prepare(home().resolve(".matey_history"));
        try (Terminal terminal = TerminalBuilder.builder().name("matey").system(true).build()) {
            LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("matey")
                    .completer(new SessionCompleter(catalog, new Completions()))
                    .history(new MaskedHistory())
                    .variable(LineReader.HISTORY_FILE, history)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true); // a '!' in a password is not history
            if (!Style.enabled()) {
                COMPLETION_STYLES.forEach(style -> builder.variable(style, ""));
            }
            LineReader reader = builder.build();
            terminal.writer().println("matey interactive session: Tab completes, `help` lists the commands, "
                    + "`exit` ends it.");
            loop(terminal, reader);
            reader.getHistory().save();
            return Style.terminal() ? 0 : lastFailure;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ~}: {@code HOME} as the user's shell has it, else the account's home directory. */
    private static Path home() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }

    private void loop(Terminal terminal, LineReader reader) throws IOException {
        String prompt = Style.bold("matey") + "> ";
        while (true) {
            try {
                reader.readLine(prompt);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt discards the line
            } catch (EndOfFileException e) {
                return;
            }
            List<String> words = new ArrayList<>(reader.getParsedLine().words());
            words.removeIf(String::isEmpty);
            words = SessionSyntax.typed(words);
            if (words.isEmpty()) {
                continue;
            }
            if (words.equals(List.of("exit")) || words.equals(List.of("quit"))) {
                return;
            }
            if (words.equals(List.of("clear"))) {
                terminal.puts(InfoCmp.Capability.clear_screen);
                terminal.flush();
                continue;
            }
            run(words);
        }
    }

    /** Runs the command line with the session's global options; Ctrl-C meanwhile is the command's. */
    private void run(List<String> words) {
        List<String> args = new ArrayList<>(globalOptions);
        args.addAll(words);
        // The command and the session share the terminal's process group: the session lets Ctrl-C pass by.
        SignalHandler previous = Signal.handle(INTERRUPT, signal -> { });
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
        } finally {
            Signal.handle(INTERRUPT, previous);
        }
    }
}
