package io.matey.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The migration statements running in this process, so that Ctrl-C or SIGTERM can cancel them on the server before
 * the process ends (docs/architecture.md §8): a server does not notice that its client has gone while it runs a
 * statement, so the session would go on running it, holding the migration lock, until it ends.
 */
public final class RunningStatements {

    private static final Set<Statement> RUNNING = ConcurrentHashMap.newKeySet();

    private RunningStatements() {
    }

    /** {@link Statement#execute(String)}, which {@link #cancelAll} can cancel while it runs. */
    static boolean execute(Statement statement, String sql) throws SQLException {
        RUNNING.add(statement);
        try {
            return statement.execute(sql);
        } finally {
            RUNNING.remove(statement);
        }
    }

    /**
     * Cancels every running statement through its driver (PostgreSQL's cancel request, MySQL's {@code KILL QUERY},
     * each on a connection of its own), all at once, and waits until they are sent or {@code timeout} has passed:
     * a server that cannot be reached must not hold up the end of the process.
     */
    public static void cancelAll(Duration timeout) {
        List<Thread> cancels = new ArrayList<>();
        for (Statement statement : RUNNING) {
            Thread cancel = new Thread(() -> cancelQuietly(statement), "matey-cancel");
            cancel.setDaemon(true);
            cancel.start();
            cancels.add(cancel);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread cancel : cancels) {
                cancel.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the process is ending: a statement that finished meanwhile, or a refused cancel, leaves what the end would
        }
    }
}
