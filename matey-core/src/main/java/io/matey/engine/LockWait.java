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
        Engine.MigrationLock lock = lockOrSayWhoHoldsIt(engine, connection);
        DebugLog.log(LockWait.class, () -> engine.id() + ": migration lock held after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return lock;
    }

    /** One try first: when another holds the lock, the user is told at once who, then the bounded wait follows. */
    private Engine.MigrationLock lockOrSayWhoHoldsIt(Engine engine, Connection connection) throws SQLException {
        try {
            return engine.lockMigrations(connection, Duration.ZERO);
        } catch (MigrationLockTimeoutException held) {
            if (timeout.isZero()) {
                throw held;
            }
            notices.waiting("waiting for the migration lock (" + held.lock() + "), held by "
                    + (held.holder().isEmpty() ? "another session" : held.holder()) + ", at most "
                    + MigrationLockTimeoutException.describe(timeout));
        }
        return engine.lockMigrations(connection, timeout);
    }
}
