package io.matey.shell;

import io.matey.replay.ScratchDatabase;
import org.jline.terminal.Terminal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/**
 * Ctrl-C in a scripted command: drop scratch databases still in use, say why the command stopped and end with
 * 130 at once (artifact writes are journaled, so stopping anywhere leaves the old or the new set). Installed
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
     * Takes SIGINT over again. Spring Shell points it at {@code Thread.interrupt()} of the running command,
     * which a statement inside a JDBC driver never notices, so long-running commands call this first.
     */
    public static void install() {
        Signal.handle(new Signal("INT"), signal -> interrupted());
    }

    private static void interrupted() {
        System.err.println("error: Interrupted.");
        System.err.flush();
        ScratchDatabase.dropAllActive();
        Runtime.getRuntime().halt(130);
    }
}
