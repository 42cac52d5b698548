package io.matey.live;

import io.matey.error.MateyException;
import io.matey.error.Reason;

/**
 * A run of migrations stopped by the process ending (Ctrl-C, SIGTERM): no further migration was started, and the
 * message says what this run applied and where the database stands, for the signal's handler to print before the
 * process ends (docs/architecture.md §8).
 */
public final class RunStopped extends MateyException {

    RunStopped(String message, Throwable cause) {
        super(Reason.MIGRATION_INTERRUPTED, message, cause);
    }
}
