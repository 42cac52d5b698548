package io.matey.live;

import java.util.Optional;

/**
 * What a {@code db up} or {@code db down} run leaves on its database if the process is stopped now (a signal), as
 * its failure message says it (docs/architecture.md §8): the signal handler runs on another thread and cannot ask
 * the database, so the run keeps this up to date before each migration and clears it when it ends.
 */
public final class StoppedRun {

    /** The sentences, or null outside a run. */
    private static volatile String leaves;

    private StoppedRun() {
    }

    static void running(String sentences) {
        leaves = sentences;
    }

    static void ended() {
        leaves = null;
    }

    /** What a stop now leaves, for the message of the signal that stops the process; empty outside a run. */
    public static Optional<String> leaves() {
        return Optional.ofNullable(leaves);
    }
}
