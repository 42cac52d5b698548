package io.matey.engine;

import io.matey.log.DebugLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How a run takes an engine's migration lock: waiting at most {@code timeout} for it, saying at once to
 * {@code notices} who holds it when another does, and showing the wait in the debug log (docs/architecture.md §4,
 * §11).
 */
public record LockWait(Duration timeout, LockNotices notices) {

    public Engine.MigrationLock acquire(Engine engine, Connection connection) throws SQLException {
        DebugLog.log(LockWait.class, () -> engine.id() + ": waiting for the migration lock (at most "
                + MigrationLockTimeoutException.describe(timeout) + ")");
        long started = System.nanoTime();
        // The lock's own first try finds out who holds it: no try of ours before it (each is a round trip); with
        // nobody listening, it does not look the holder up.
        Engine.MigrationLock lock = engine.lockMigrations(connection, timeout, notices == LockNotices.NONE
                ? Engine.LockWaiting.SILENT : new Told(notices, timeout));
        DebugLog.log(LockWait.class, () -> engine.id() + ": migration lock held after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return lock;
    }

    /**
     * Says who holds the lock. A record, not a lambda: {@link Engine.LockWaiting} initialises a field, and the
     * class-data cache keeps no lambda of such an interface, so each process would spin it (docs/architecture.md §8).
     */
    private record Told(LockNotices notices, Duration timeout) implements Engine.LockWaiting {

        @Override
        public void waiting(String held, String holder) {
            notices.waiting("waiting for the migration lock (" + held + "), held by "
                    + (holder.isEmpty() ? "another session" : holder) + ", at most "
                    + MigrationLockTimeoutException.describe(timeout));
        }
    }
}
