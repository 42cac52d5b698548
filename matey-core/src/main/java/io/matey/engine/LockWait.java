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
        Engine.MigrationLock lock = lockOrSayWhoHoldsIt(engine, connection, timeout);
        DebugLog.log(LockWait.class, () -> engine.id() + ": migration lock held after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return lock;
    }

    /** One try first: when another holds the lock, the user is told at once who, then the bounded wait follows. */
    private static Engine.MigrationLock lockOrSayWhoHoldsIt(Engine engine, Connection connection, Duration timeout)
            throws SQLException {
        try {
            return engine.lockMigrations(connection, Duration.ZERO);
        } catch (MigrationLockTimeoutException held) {
            if (timeout.isZero()) {
                throw held;
            }
            LockNotices.waiting("waiting for the migration lock (" + held.lock() + "), held by "
                    + (held.holder().isEmpty() ? "another session" : held.holder()) + ", at most "
                    + MigrationLockTimeoutException.describe(timeout));
        }
        return engine.lockMigrations(connection, timeout);
    }
}
