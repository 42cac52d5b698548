package io.matey.engine.postgres;

import io.matey.engine.Engine.MigrationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The migration lock: a session-level {@code pg_advisory_lock}, so it holds across transactions and serialises
 * every process connected to the same database (advisory keys are scoped per database).
 */
final class AdvisoryLock implements MigrationLock {

    /** The bytes of "matey" read as a big-endian integer: fixed, so every Matey process contends for it. */
    static final long KEY = 0x6d61746579L;

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** Blocks until this session holds the lock. */
    static AdvisoryLock acquire(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        }
        return new AdvisoryLock(connection);
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new SQLException("The migration lock (pg_advisory_lock " + KEY + ") was not held by this session.");
                }
            }
        }
    }
}
