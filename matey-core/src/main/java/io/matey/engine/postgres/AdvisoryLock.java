package io.matey.engine.postgres;

import io.matey.engine.Engine;
import io.matey.engine.Engine.MigrationLock;
import io.matey.engine.MigrationLockTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * The migration lock: a session-level {@code pg_advisory_lock}, so it holds across transactions and serialises
 * every process connected to the same database (advisory keys are scoped per database). The wait is bounded by
 * the session's {@code lock_timeout}, so that a waiter shows in {@code pg_locks} like any other.
 */
final class AdvisoryLock implements MigrationLock {

    /** The bytes of "matey" read as a big-endian integer: fixed, so every Matey process contends for it. */
    static final long KEY = 0x6d61746579L;

    private static final String LOCK_TIMEOUT = "55P03";

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits at most {@code timeout} until this session holds the lock, telling {@code waiting} who holds it first. */
    static AdvisoryLock acquire(Connection connection, Duration timeout, Engine.LockWaiting waiting) throws SQLException {
        // Mostly nobody holds it: one round trip then, rather than three with the bounded wait's setting.
        if (tryAcquire(connection)) {
            return new AdvisoryLock(connection);
        }
        if (waiting.told(timeout)) {
            Holder holder = holder(connection);
            waiting.waiting(name(connection), holder == null ? "" : holder.describe());
        }
        // lock_timeout 0 would mean "wait forever"
        String bound = Math.max(1, timeout.toMillis()) + "ms";
        try {
            SessionSettings.with(connection, Map.of("lock_timeout", bound), () -> {
                try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    ps.setLong(1, KEY);
                    return ps.execute();
                }
            });
        } catch (SQLException e) {
            if (!LOCK_TIMEOUT.equals(e.getSQLState())) {
                throw e;
            }
            Holder holder = holder(connection);
            throw new MigrationLockTimeoutException(name(connection), timeout, holder == null ? "" : holder.describe(),
                    holder == null ? "" : holder.howToEnd());
        }
        return new AdvisoryLock(connection);
    }

    private static String name(Connection connection) throws SQLException {
        return "pg_advisory_lock " + KEY + " on database " + connection.getCatalog();
    }

    private static boolean tryAcquire(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * The holding backend as this session sees it: pg_stat_activity hides another role's client, start and state
     * from a role without pg_read_all_stats (null here), and only some roles may terminate it ({@code mayEnd}).
     */
    private record Holder(int pid, String user, String application, String client, String since, String state,
            boolean mayEnd, boolean superuser) {

        String describe() {
            return "PostgreSQL backend " + pid + " (user " + user
                    + (application == null || application.isEmpty() ? "" : ", application '" + application + "'")
                    + (client == null ? "" : ", client " + client) + (since == null ? "" : ", connected since " + since)
                    + (state == null ? "" : ", " + state) + ")";
        }

        String howToEnd() {
            String terminate = "SELECT pg_terminate_backend(" + pid + ");";
            if (mayEnd) {
                return "To end the holding session: " + terminate;
            }
            return "To end the holding session, " + (superuser ? "a superuser" : "a superuser, a member of role "
                    + user + " or of pg_signal_backend") + " runs: " + terminate;
        }
    }

    /**
     * The session holding the lock, from pg_locks and pg_stat_activity; null when it was released meanwhile.
     * pg_terminate_backend needs superuser against a superuser's backend, else membership in its role or in
     * pg_signal_backend.
     */
    private static Holder holder(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.pid, a.usename, a.application_name, "
                + "host(a.client_addr), date_trunc('second', a.backend_start)::text, a.state, "
                + "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR (NOT r.rolsuper "
                + "AND (pg_has_role(r.oid, 'MEMBER') OR pg_has_role('pg_signal_backend', 'MEMBER'))), r.rolsuper "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid JOIN pg_roles r ON r.oid = a.usesysid "
                + "WHERE l.locktype = 'advisory' AND l.granted "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND l.classid = ? AND l.objid = ? AND l.objsubid = 1")) {
            ps.setLong(1, KEY >>> 32);
            ps.setLong(2, KEY & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Holder(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8)) : null;
            }
        }
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
