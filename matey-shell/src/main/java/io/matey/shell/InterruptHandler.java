package io.matey.shell;

import io.matey.replay.ScratchDatabase;
import java.io.OutputStream;
import java.io.PrintStream;
import org.jline.terminal.Terminal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) or SIGTERM in a scripted command: drop scratch databases still in use, say why the command
 * stopped and end with 130 (143 for SIGTERM) at once (artifact writes are journaled, so stopping anywhere leaves the
 * old or the new set; a migration stopped partway is reported by the next db command). Installed
 * when the app starts and again once the shell's terminal exists, because JLine registers its own SIGINT
 * handler when it builds one; interactive sessions keep JLine's handling (Ctrl-C cancels the line typed).
 */
@Component
@ConditionalOnProperty(name = "spring.shell.interactive.enabled", havingValue = "false", matchIfMissing = true)
public class InterruptHandler {

    InterruptHandler(Terminal terminal) {
        install();
    }

    /**
     * Takes SIGINT (and SIGTERM) over again. Spring Shell points SIGINT at {@code Thread.interrupt()} of the running
     * command, which a statement inside a JDBC driver never notices, so long-running commands call this first. The
     * JVM's own SIGTERM handling would run shutdown hooks and leave the scratch databases behind.
     */
    public static void install() {
        Signal.handle(new Signal("INT"), signal -> stop("Interrupted.", 130));
        Signal.handle(new Signal("TERM"), signal -> stop("Terminated.", 143));
    }

    /**
     * Dropping the scratch databases ends the command's own statements, whose failure the command would then
     * report and exit with: from here on, its output is silenced and its exit waits for the halt below.
     */
    private static void stop(String message, int exitCode) {
        System.err.println("error: " + message);
        System.err.flush();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(silent);
        System.setErr(silent);
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(InterruptHandler::awaitHalt));
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting already; the halt below still decides the exit code
        }
        ScratchDatabase.dropAllActive();
        Runtime.getRuntime().halt(exitCode);
    }

    private static void awaitHalt() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
