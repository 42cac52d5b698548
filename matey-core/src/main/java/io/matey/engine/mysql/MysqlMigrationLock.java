package io.matey.engine.mysql;

import io.matey.engine.Engine;
import io.matey.engine.MigrationLockTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The migration lock: a server-wide named lock ({@code GET_LOCK('matey:<database>')}) held by the session, so
 * it serialises migrators across processes and machines and vanishes if the holder's connection dies.
 */
final class MysqlMigrationLock implements Engine.MigrationLock {

    /** Short waits in a loop rather than one long one, so an interrupted thread gives up between attempts. */
    static final int WAIT_SECONDS = 5;
    /** MySQL rejects longer lock names (MariaDB does not). */
    private static final int MAX_NAME_LENGTH = 64;

    private final Connection connection;
    private final String name;

    private MysqlMigrationLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /**
     * Waits at most {@code timeout} until this session holds the lock of its current database; a first try that
     * waits not at all finds out who holds it, to tell {@code waiting} at once.
     */
    static MysqlMigrationLock acquire(Connection connection, Duration timeout, Engine.LockWaiting waiting)
            throws SQLException {
        String database = connection.getCatalog();
        if (database == null) {
            throw new SQLException("The migration lock needs a connection to a database; none is selected.");
        }
        String name = lockName(database);
        await(connection, name, timeout, waiting);
        return new MysqlMigrationLock(connection, name);
    }

    /**
     * Waits at most {@code timeout} until this session holds the named lock {@code name}, in tries of at most
     * {@value #WAIT_SECONDS} s, so an interrupted thread gives up between them; then fails naming its holder.
     */
    static void await(Connection connection, String name, Duration timeout, Engine.LockWaiting waiting)
            throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean tell = waiting.told(timeout);
        while (!tryLock(connection, name, tell ? 0 : waitSeconds(deadline))) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SQLException("Interrupted while waiting for the lock '" + name + "'.");
            }
            if (System.nanoTime() >= deadline) {
                Holder holder = holder(connection, name);
                throw new MigrationLockTimeoutException("GET_LOCK('" + name + "')", timeout,
                        holder == null ? "" : holder.describe(),
                        holder == null ? "" : holder.howToEnd());
            }
            if (tell) {
                Holder holder = holder(connection, name);
                waiting.waiting("GET_LOCK('" + name + "')", holder == null ? "" : holder.describe());
                tell = false;
            }
        }
    }

    /** The next wait: at most {@value #WAIT_SECONDS} s, and no longer than what is left (0 tries once). */
    private static int waitSeconds(long deadline) {
        long left = Math.max(0, deadline - System.nanoTime());
        return (int) Math.min(WAIT_SECONDS, (left + 999_999_999L) / 1_000_000_000L);
    }

    /**
     * The holding connection: IS_USED_LOCK names it to anyone, but the process list shows another user's
     * connection only to a holder of PROCESS ({@code user} null then), and only its own user or one with CONNECTION
     * ADMIN (SUPER) may kill it.
     */
    private record Holder(long id, String user, String host, String command, long seconds) {

        String describe() {
            return "connection " + id + (user == null ? "" : " (user " + user + "@" + host + ", in '" + command
                    + "' for " + seconds + " s)");
        }

        String howToEnd() {
            return "To end the holding session" + (user == null ? ", its user or one with the CONNECTION ADMIN "
                    + "(SUPER) privilege runs" : "") + ": KILL CONNECTION " + id + ";";
        }
    }

    /** The session holding the lock, from IS_USED_LOCK and the process list; null when it was released meanwhile. */
    private static Holder holder(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT h.id, p.USER, p.HOST, p.COMMAND, p.TIME "
                + "FROM (SELECT IS_USED_LOCK(?) AS id) h LEFT JOIN information_schema.PROCESSLIST p ON p.ID = h.id "
                + "WHERE h.id IS NOT NULL")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Holder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)) : null;
            }
        }
    }

    /** {@code GET_LOCK(name, waitSeconds)}: whether this session got the lock. */
    private static boolean tryLock(Connection connection, String name, int waitSeconds) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, name);
            ps.setInt(2, waitSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long result = rs.getLong(1);
                if (rs.wasNull()) {
                    throw new SQLException("GET_LOCK('" + name + "') failed on the server.");
                }
                return result == 1;
            }
        }
    }

    static String lockName(String database) {
        String name = "matey:" + database;
        return name.length() <= MAX_NAME_LENGTH ? name : "matey:" + sha256(database).substring(0, MAX_NAME_LENGTH - 6);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        }
    }
}
