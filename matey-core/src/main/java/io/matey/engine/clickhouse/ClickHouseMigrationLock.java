package io.matey.engine.clickhouse;

import io.matey.engine.Engine;
import io.matey.engine.MigrationLockTimeoutException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * The migration lock (docs/architecture.md §7). ClickHouse has no advisory locks and no transactions, but creating
 * a table is atomic: of two sessions creating {@value #TABLE} in the database, one succeeds and the other gets
 * TABLE_ALREADY_EXISTS. So the holder is whoever created the table (it holds one row naming host, process and
 * time), and releasing drops it. This serialises migrators on every machine that reaches the server. Unlike a
 * session lock it survives its holder: a lock left by a process of this machine that has ended is taken over; one
 * left by another machine is named in the timeout message with the statement that removes it.
 */
final class ClickHouseMigrationLock implements Engine.MigrationLock {

    static final String TABLE = "matey_migration_lock";

    /** ClickHouse's TABLE_ALREADY_EXISTS. */
    private static final int TABLE_EXISTS = 57;
    private static final long POLL_MILLIS = 200;
    private static final String HOST = hostName();
    private static final String BOOT = bootId();

    private final Connection connection;
    private final String token;

    private ClickHouseMigrationLock(Connection connection, String token) {
        this.connection = connection;
        this.token = token;
    }

    static ClickHouseMigrationLock acquire(Connection connection, Duration timeout, Engine.LockWaiting waiting)
            throws SQLException {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean tell = waiting.told(timeout);
        while (true) {
            if (tryCreate(connection, token)) {
                return new ClickHouseMigrationLock(connection, token);
            }
            Holder holder = holder(connection);
            if (holder != null && holder.endedOnThisMachine()) {
                drop(connection);
                continue;
            }
            if (System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
                String database = database(connection);
                throw new MigrationLockTimeoutException("table " + database + "." + TABLE, timeout,
                        holder == null ? "" : holder.describe(),
                        "If no migration is running (its process ended on another machine), remove the lock: DROP TABLE "
                                + ClickHouseConnector.quote(database) + "." + TABLE + ";");
            }
            if (tell) {
                waiting.waiting("table " + database(connection) + "." + TABLE, holder == null ? "" : holder.describe());
                tell = false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean tryCreate(Connection connection, String token) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE " + TABLE + " ENGINE = MergeTree ORDER BY tuple() AS SELECT "
                    + ClickHouseConnector.literal(token) + " AS token, " + ClickHouseConnector.literal(HOST) + " AS host, "
                    + ClickHouseConnector.literal(BOOT) + " AS boot, toUInt64(" + ProcessHandle.current().pid()
                    + ") AS pid, now() AS since");
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == TABLE_EXISTS) {
                return false;
            }
            throw e;
        }
    }

    private record Holder(String token, String host, String boot, long pid, String since) {

        boolean endedOnThisMachine() {
            return host.equals(HOST) && boot.equals(BOOT) && !boot.isEmpty()
                    && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }

        String describe() {
            return "process " + pid + " on " + host + " (since " + since + " UTC)";
        }
    }

    /** The holder's row; null when the lock was released meanwhile or its row is not written yet. */
    private static Holder holder(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT token, host, boot, pid, toString(since, 'UTC') FROM " + TABLE)) {
            return rs.next() ? new Holder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5))
                    : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static void drop(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + TABLE + " SYNC");
        }
    }

    private static String database(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT currentDatabase()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Drops the lock table if it is still this holder's (another process may have taken over a lock thought ended). */
    @Override
    public void close() throws SQLException {
        Holder holder = holder(connection);
        if (holder != null && holder.token().equals(token)) {
            drop(connection);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
