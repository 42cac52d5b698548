package io.matey.shell.session;

import io.matey.shell.Console;
import java.io.IOException;
import sun.misc.Signal;

/**
 * Runs a session's commands one at a time, and ends the session on a signal the way a command run from a shell ends:
 * SIGTERM and SIGHUP, and SIGINT in a script, are passed to the running command, which stops as it would alone
 * (scratch databases dropped, locks released, its one {@code error:} line), and the session then exits with that
 * signal's code, running no further line (docs/architecture.md §8). With no command running the session prints the
 * line itself. On a terminal Ctrl-C reaches the command through the terminal's process group and leaves the session.
 */
final class SessionSignals {

    /** The command's process while it runs, else null. */
    private Process running;
    private boolean ending;

    /** Takes SIGTERM and SIGHUP, and SIGINT when {@code script}: a session typed on a terminal lets Ctrl-C pass. */
    void install(boolean script) {
        handle("TERM", "Terminated.", 143);
        handle("HUP", "Hung up.", 129);
        if (script) {
            handle("INT", "Interrupted.", 130);
        }
    }

    /** Runs the command to its end and returns its exit code; once the session is ending, starts nothing. */
    int run(ProcessBuilder command) throws IOException, InterruptedException {
        Process process;
        synchronized (this) {
            awaitExitIfEnding();
            process = command.start();
            running = process;
        }
        try {
            return process.waitFor();
        } finally {
            synchronized (this) {
                running = null;
            }
        }
    }

    /** Holds the session's last step (its exit) while a signal's handler ends the session with the signal's code. */
    synchronized void awaitExitIfEnding() throws InterruptedException {
        while (ending) {
            wait(); // never notified: the handler's System.exit ends this thread
        }
    }

    private void handle(String name, String message, int exitCode) {
        Signal.handle(new Signal(name), signal -> end(signal, message, exitCode));
    }

    private void end(Signal signal, String message, int exitCode) {
        Process command;
        synchronized (this) {
            if (ending) {
                return; // the first signal ends the session
            }
            ending = true;
            command = running;
        }
        if (command == null) {
            Console.error(message);
        } else {
            pass(signal, command);
        }
        System.exit(exitCode); // not halt: on a terminal the shutdown hooks restore its settings
    }

    /** Sends the signal to the command and waits for it to stop. A command on the terminal may have it already. */
    private static void pass(Signal signal, Process command) {
        try {
            try {
                new ProcessBuilder("kill", "-s", signal.getName(), Long.toString(command.pid()))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start().waitFor();
            } catch (IOException noKill) {
                command.destroy(); // SIGTERM, which the command handles too
            }
            command.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
