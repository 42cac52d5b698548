package io.matey.engine;

import io.matey.log.DebugLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Takes an engine's migration lock, saying at once who holds it when another does ({@link LockNotices}), and showing
 * the wait in the debug log (docs/architecture.md §11).
 */
public final class LockWait {

    private LockWait() {
    }

    public static Engine.MigrationLock acquire(Engine engine, Connection connection, Duration timeout)
            throws SQLException {
        DebugLog.log(LockWait.class, () -> engine.id() + ": waiting for the migration lock (at most "
                + MigrationLockTimeoutException.describe(timeout) + ")");
        long started = System.nanoTime();
        // The lock's own first try finds out who holds it: no try of ours before it (each is a round trip).
        Engine.MigrationLock lock = engine.lockMigrations(connection, timeout, (held, holder) ->
                LockNotices.waiting("waiting for the migration lock (" + held + "), held by "
                        + (holder.isEmpty() ? "another session" : holder) + ", at most "
                        + MigrationLockTimeoutException.describe(timeout)));
        DebugLog.log(LockWait.class, () -> engine.id() + ": migration lock held after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return lock;
    }
}
