package io.matey.shell;

import io.matey.replay.ScratchDatabase;
import sun.misc.Signal;

/**
 * Ctrl-C in a command: say why the command stopped, drop scratch databases still in use and end with 130 at
 * once (artifact writes are journaled, so stopping anywhere leaves the old or the new set). Dropping a scratch
 * database makes the running statement fail (PostgreSQL closes its connection): that failure is the
 * interruption's, so the command's own error handling waits here instead of reporting it (docs/architecture.md §8).
 */
public final class InterruptHandler {

    private static volatile boolean interrupted;

    private InterruptHandler() {
    }

    public static void install() {
        Signal.handle(new Signal("INT"), signal -> interrupted());
    }

    private static void interrupted() {
        interrupted = true;
        Console.error("Interrupted.");
        ScratchDatabase.dropAllActive();
        Runtime.getRuntime().halt(130);
    }

    /** Blocks a thread that is about to report a failure or exit while the handler ends the process. */
    public static void awaitIfInterrupted() {
        if (interrupted) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(130);
        }
    }
}
