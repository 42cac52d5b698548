package io.matey.shell;

import io.matey.engine.MateyUrl;
import io.matey.engine.RunningStatements;
import io.matey.replay.ScratchDatabase;
import io.matey.shell.session.SessionEnd;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP in a command, or the end of the session that ran it: say why the command stopped,
 * cancel what runs on the command's connections (migrations, a schema load, a dump, data sets) on their servers (a
 * server would run it on, holding the migration lock, after its client is gone), drop scratch databases still in use
 * and end with 130 (143 for SIGTERM and a session's end, 129 for SIGHUP) once the command's thread has said where a
 * run of migrations stopped, or after a few seconds (artifact writes are journaled, so stopping anywhere leaves the
 * old or the new set; a migration stopped partway is reported by the next db command).
 * Dropping a scratch database or cancelling a statement makes the running statement fail (PostgreSQL closes its
 * connection, MySQL kills the session): that failure is the signal's, so the command's own error handling waits here
 * instead of reporting it (docs/architecture.md §8). The JVM's own SIGTERM and SIGHUP handling would run shutdown hooks
 * and leave the scratch databases behind.
 */
public final class InterruptHandler {

    /** How long the end waits for the servers to take the cancel requests of running statements. */
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(3);

    /** How long the end waits for the command's thread to stop at a point where nothing is half reported. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(5);

    /** Counted down once the signal's line is printed, which what the command says of its stop follows. */
    private static final CountDownLatch announced = new CountDownLatch(1);

    /** Counted down once the command's thread waits for the end ({@link #awaitIfInterrupted}). */
    private static final CountDownLatch settled = new CountDownLatch(1);

    /** The exit code of the signal being handled; 0 while none is. */
    private static volatile int stopping;

    private InterruptHandler() {
    }

    public static void install() {
        Signal.handle(new Signal("INT"), signal -> stop("Interrupted.", 130));
        Signal.handle(new Signal("TERM"), signal -> stop("Terminated.", 143));
        Signal.handle(new Signal("HUP"), signal -> stop("Hung up.", 129));
        SessionEnd.whenEnded(() -> stop("The session ended.", 143));
    }

    private static void stop(String message, int exitCode) {
        if (!claim(exitCode)) {
            return; // a second signal (Ctrl-C reaches a session's command from the terminal and from the session)
        }
        RunningStatements.refuseNew(); // before the line: a run of migrations starts no further one to show after it
        Console.error(message);
        announced.countDown();
        RunningStatements.cancelAll(CANCEL_TIMEOUT);
        ScratchDatabase.dropAllActive();
        awaitCommandThread();
        Runtime.getRuntime().halt(exitCode);
    }

    /**
     * Lets the command's thread finish what it was printing: a migration that committed as the signal came, and where
     * its run stopped ({@code RunStopped}), so that the screen shows every migration the database has.
     */
    private static void awaitCommandThread() {
        awaitAtMostSettleTimeout(settled);
    }

    private static void awaitAtMostSettleTimeout(CountDownLatch latch) {
        try {
            latch.await(SETTLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized boolean claim(int exitCode) {
        if (stopping != 0) {
            return false;
        }
        stopping = exitCode;
        return true;
    }

    /** Prints, on stderr after the signal's line, where the command stopped (masked), when a signal is being handled. */
    public static void reportStop(String text) {
        if (stopping == 0) {
            return;
        }
        awaitAtMostSettleTimeout(announced);
        System.err.println(MateyUrl.mask(text));
        System.err.flush();
    }

    /** Blocks a thread that is about to report a failure or exit while the handler ends the process. */
    public static void awaitIfInterrupted() {
        int exitCode = stopping;
        if (exitCode != 0) {
            settled.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitCode);
        }
    }
}
