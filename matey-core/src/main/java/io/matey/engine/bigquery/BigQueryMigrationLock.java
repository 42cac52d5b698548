package io.matey.engine.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldValueList;
import io.matey.engine.Engine;
import io.matey.engine.MigrationLockTimeoutException;
import io.matey.error.MateyException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The migration lock, a documented best effort (docs/architecture.md §3): BigQuery has no locks and no transactions
 * across DDL, but creating a table is atomic — of two {@code CREATE TABLE} statements for one name, one succeeds and
 * the other is told the table already exists. So the holder is whoever created {@value #TABLE} in the dataset (its
 * one row names host, process and time), and releasing drops it. A holder that dies leaves the table behind; the
 * timeout message names it and the statement that removes it.
 */
final class BigQueryMigrationLock implements Engine.MigrationLock {

    static final String TABLE = "matey_migration_lock";
    private static final long POLL_MILLIS = 500;

    private final BigQueryDataset dataset;

    private BigQueryMigrationLock(BigQueryDataset dataset) {
        this.dataset = dataset;
    }

    /** Takes the lock, waiting at most {@code timeout} for another holder to release it. */
    static BigQueryMigrationLock acquire(BigQueryDataset dataset, Duration timeout, Engine.LockWaiting waiting)
            throws MigrationLockTimeoutException {
        Instant deadline = Instant.now().plus(timeout);
        boolean tell = waiting.told(timeout);
        while (true) {
            try {
                dataset.execute("CREATE TABLE " + TABLE + " (holder STRING, since TIMESTAMP)");
                dataset.execute("INSERT INTO " + TABLE + " (holder, since) VALUES ('" + holder() + "', TIMESTAMP '"
                        + Instant.now() + "')");
                return new BigQueryMigrationLock(dataset);
            } catch (BigQueryStatementException e) {
                if (!alreadyExists(e)) {
                    throw e;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new MigrationLockTimeoutException("table " + TABLE + " in " + dataset.url(), timeout,
                        currentHolder(dataset), "If its holder has ended, drop the lock: DROP TABLE " + TABLE + ";");
            }
            if (tell) {
                waiting.waiting("table " + TABLE + " in " + dataset.url(), currentHolder(dataset));
                tell = false;
            }
            sleep(Math.min(POLL_MILLIS, left));
        }
    }

    private static boolean alreadyExists(BigQueryStatementException e) {
        BigQueryException cause = (BigQueryException) e.getCause();
        return cause.getCode() == 409 || "duplicate".equals(cause.getReason());
    }

    private static String currentHolder(BigQueryDataset dataset) {
        try {
            for (FieldValueList row : dataset.execute("SELECT holder, since FROM " + TABLE).iterateAll()) {
                return row.get(0).getStringValue() + " since " + row.get(1).getTimestampInstant();
            }
        } catch (BigQueryStatementException e) {
            return ""; // released meanwhile, or not yet filled in: nobody to name
        }
        return "";
    }

    private static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        return ("process " + ProcessHandle.current().pid() + " on " + host).replaceAll("[^A-Za-z0-9 ._-]", "_");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MateyException("Interrupted while waiting for the BigQuery migration lock.");
        }
    }

    @Override
    public void close() throws SQLException {
        ClientCalls.call(() -> dataset.execute("DROP TABLE IF EXISTS " + TABLE));
    }
}
