package io.matey.shell;

import io.matey.engine.DriverWarmUp;
import io.matey.log.DebugLog;
import io.matey.replay.ScratchDatabase;
import io.matey.shell.cli.CommandCatalog;
import io.matey.shell.cli.CommandRunner;
import io.matey.shell.session.InteractiveSession;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The {@code matey} command-line app. With a command it runs it and exits with its code (0 success, 1
 * unexpected failure or a report's {@code --exit-code}, 2 user error, 130 interrupted, 143 terminated); with only global
 * options it opens an interactive session, or refuses a workspace that is no directory (docs/architecture.md §8).
 */
public final class MateyShellApplication {

    /** {@code MATEY_LOG=debug} prints Matey's debug lines (statements, connections, lock waits) to stderr. */
    static final String LOG_VARIABLE = "MATEY_LOG";
    private static final String DEBUG = "debug";

    private MateyShellApplication() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line (or the session) and returns the exit code. */
    static int run(String[] args) {
        System.setErr(FilteredOutput.stderr());
        PrintStream out = FilteredOutput.stdout();
        System.setOut(out);
        GlobalOptions options = GlobalOptions.extract(args);
        if (GlobalOptions.liveCommand(options.command())) {
            DriverWarmUp.start();
        }
        DebugLog.to(DEBUG.equals(System.getenv(LOG_VARIABLE))
                ? DebugLog.lines(line -> System.err.println("matey debug: " + line)) : DebugLog.OFF);
        int exitCode;
        Optional<String> sessionRefusal = options.command().isEmpty() ? GlobalOptions.sessionRefusal() : Optional.empty();
        if (sessionRefusal.isPresent()) {
            Console.error(sessionRefusal.get());
            exitCode = 2;
        } else if (options.command().isEmpty()) {
            exitCode = new InteractiveSession(CommandCatalog.load(), options.global()).run();
        } else {
            InterruptHandler.install();
            ScratchDatabase.reportLeftoversTo(line -> System.err.println("matey: " + line));
            exitCode = new CommandRunner(CommandCatalog.load(), new Console(out)).run(options.command());
        }
        out.flush();
        InterruptHandler.awaitIfInterrupted();
        return exitCode;
    }
}
