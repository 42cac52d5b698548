package io.matey.engine;

import io.matey.log.DebugLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** Takes an engine's migration lock, showing the wait in the debug log (docs/architecture.md §11). */
public final class LockWait {

    private LockWait() {
    }

    public static Engine.MigrationLock acquire(Engine engine, Connection connection, Duration timeout)
            throws SQLException {
        DebugLog.log(LockWait.class, () -> engine.id() + ": waiting for the migration lock (at most "
                + MigrationLockTimeoutException.describe(timeout) + ")");
        long started = System.nanoTime();
        Engine.MigrationLock lock = engine.lockMigrations(connection, timeout);
        DebugLog.log(LockWait.class, () -> engine.id() + ": migration lock held after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return lock;
    }
}
