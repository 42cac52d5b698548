package io.matey.shell.session;

import io.matey.shell.Completions;
import io.matey.shell.Style;
import io.matey.shell.cli.CommandCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.jline.utils.InfoCmp;

/**
 * {@code matey} without a command: on a terminal, a line editor with completion and history; with command lines
 * piped in, a script read line by line as sh reads one, with nothing of the session's own on stdout and no history.
 * Either way each command line runs as its own process ({@link SessionCommands}). {@code NO_COLOR} only makes the
 * prompt and completion lists plain; line editing stays. On a dumb terminal ({@code TERM=dumb}) JLine edits nothing:
 * the banner says so, and a line holding a key's escape sequence is refused (docs/architecture.md §8).
 */
public final class InteractiveSession {

    private static final List<String> COMPLETION_STYLES = List.of(LineReader.COMPLETION_STYLE_STARTING,
            LineReader.COMPLETION_STYLE_DESCRIPTION, LineReader.COMPLETION_STYLE_GROUP,
            LineReader.COMPLETION_STYLE_SELECTION, LineReader.COMPLETION_STYLE_BACKGROUND,
            LineReader.COMPLETION_STYLE_LIST_STARTING, LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
            LineReader.COMPLETION_STYLE_LIST_GROUP, LineReader.COMPLETION_STYLE_LIST_SELECTION,
            LineReader.COMPLETION_STYLE_LIST_BACKGROUND);

    /**
     * JLine reports through java.util.logging, which prints to stderr by default: on a terminal without a usable
     * output stream it warns that it falls back to a dumb one. Held here because the logging framework keeps its
     * loggers weakly, and a collected one loses its level.
     */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    private final CommandCatalog catalog;
    private final SessionSignals signals = new SessionSignals();
    private final SessionCommands commands;

    public InteractiveSession(CommandCatalog catalog, List<String> globalOptions) {
        this.catalog = catalog;
        this.commands = new SessionCommands(globalOptions, signals);
    }

    /**
     * Runs the session until {@code exit} or end of input. Its exit code: 0 on a terminal, where a person saw each
     * failure; reading a script (stdin or stdout no terminal), the worst of its lines', so that a failure anywhere in
     * the script reaches its caller (docs/architecture.md §8).
     */
    public int run() {
        JLINE_LOG.setLevel(Level.OFF);
        try {
            boolean script = !typedOnTerminal();
            signals.install(script);
            if (script) {
                script();
            } else {
                edit();
            }
            signals.awaitExitIfEnding();
            return script || !Style.terminal() ? commands.worstFailure() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return commands.worstFailure();
        }
    }

    /** Whether stdin is a terminal (JLine asks {@code test -t 0}): a person types there, else a script is piped in. */
    private static boolean typedOnTerminal() throws IOException {
        return TerminalProvider.load("exec").isSystemStream(SystemStream.Input);
    }

    /** Reads the piped lines as sh reads a script: the last one runs without its newline too. */
    private void script() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        String line = in.readLine();
        while (line != null && commands.perform(line, ShellWords.split(line), false, () -> { })) {
            line = in.readLine();
        }
    }

    /** The line editor, its history in {@code ~/.matey_history}. */
    private void edit() throws IOException {
        Path file = MaskedHistory.prepare(home().resolve(".matey_history"));
        MaskedHistory history = new MaskedHistory();
        try (Terminal terminal = TerminalBuilder.builder().name("matey").system(true).build()) {
            LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("matey")
                    .completer(new SessionCompleter(catalog, new Completions()))
                    .history(history)
                    .variable(LineReader.HISTORY_FILE, file)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true); // a '!' in a password is not history
            if (!Style.enabled()) {
                COMPLETION_STYLES.forEach(style -> builder.variable(style, ""));
            }
            LineReader reader = builder.build();
            passCtrlC(terminal);
            boolean dumb = dumb(terminal);
            terminal.writer().println(dumb
                    ? "matey interactive session on a dumb terminal (TERM=dumb): no Tab completion or arrow keys; "
                            + "type commands in full, `help` lists them, `exit` ends it."
                    : "matey interactive session: Tab completes, `help` lists the commands, `exit` ends it.");
            Runnable clear = () -> {
                terminal.puts(InfoCmp.Capability.clear_screen);
                terminal.flush();
            };
            String prompt = Style.bold("matey") + "> ";
            while (true) {
                history.newLine();
                try {
                    reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt discards the line
                } catch (EndOfFileException e) {
                    break;
                }
                String line = reader.getParsedLine().line();
                if (dumb && line.indexOf('\u001b') >= 0) {
                    terminal.writer().println("error: The line holds a key's escape sequence (an arrow key?), which a "
                            + "dumb terminal (TERM=dumb) does not edit with. Type the command in full.");
                    continue;
                }
                if (!commands.perform(line, ShellWords.split(line), history.maskRecalled(), clear)) {
                    break;
                }
            }
            reader.getHistory().save();
        }
    }

    /**
     * JLine's test for a terminal without cursor control: it reads cooked lines there, so Tab and the arrow keys
     * reach the line as they are (the kernel echoes an arrow as {@code ^[[A}).
     */
    private static boolean dumb(Terminal terminal) {
        return Terminal.TYPE_DUMB.equals(terminal.getType()) || terminal.getType().startsWith(Terminal.TYPE_DUMB_COLOR);
    }

    /**
     * A command and the session share the terminal's process group, so Ctrl-C reaches both: the command ends as in a
     * script while the session lets it pass, at the prompt too, where the line editor takes it for the line's time.
     * Set for the session's whole life, as JLine's handler then always returns to it: had the session restored the
     * JVM's default after each command, a signal not yet dispatched by the JVM when the command ended would end the
     * session. A handler rather than an ignored signal, which each command would inherit ignored.
     */
    private static void passCtrlC(Terminal terminal) {
        terminal.handle(Terminal.Signal.INT, signal -> { });
    }

    /** {@code ~}: {@code HOME} as the user's shell has it, else the account's home directory. */
    private static Path home() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }
}
