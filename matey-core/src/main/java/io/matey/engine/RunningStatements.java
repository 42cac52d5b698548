package io.matey.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements running in this process on live databases (migrations, a schema load, data sets), so that Ctrl-C or
 * SIGTERM can cancel them on the server before the process ends (docs/architecture.md §8): a server does not notice
 * that its client has gone while it runs a statement, so the session would go on running it, holding the migration
 * lock, until it ends.
 */
public final class RunningStatements {

    private static final Set<Statement> RUNNING = ConcurrentHashMap.newKeySet();

    /** Connections whose every statement is cancelled, through their engine, with the running ones. */
    private static final Map<Connection, Engine> CONNECTIONS = new ConcurrentHashMap<>();

    /** Ends a connection's registration; closing it throws nothing. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static volatile boolean cancelling;

    private RunningStatements() {
    }

    /**
     * True once {@link #cancelAll} has begun: the process is ending, so work that answers a failure by sending more
     * statements (a refused batch sent again row by row) must not, or it would start what was just cancelled anew.
     */
    public static boolean cancelling() {
        return cancelling;
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
     * Makes whatever runs on {@code connection} cancellable by {@link #cancelAll} until the registration is closed
     * ({@link Engine#cancelRunning}): for work whose statements are spread over many classes, as a data set's are
     * over the data package and each engine's dialect.
     */
    public static Registration cancellable(Engine engine, Connection connection) {
        CONNECTIONS.put(connection, engine);
        return () -> CONNECTIONS.remove(connection);
    }

    /**
     * Cancels every running statement through its driver (PostgreSQL's cancel request, MySQL's {@code KILL QUERY},
     * each on a connection of its own), all at once, and waits until they are sent or {@code timeout} has passed:
     * a server that cannot be reached must not hold up the end of the process.
     */
    public static void cancelAll(Duration timeout) {
        cancelling = true;
        List<Thread> cancels = new ArrayList<>();
        for (Statement statement : RUNNING) {
            cancels.add(start(statement::cancel));
        }
        CONNECTIONS.forEach((connection, engine) -> cancels.add(start(() -> engine.cancelRunning(connection))));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread cancel : cancels) {
                cancel.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Cancel {
        void run() throws SQLException;
    }

    private static Thread start(Cancel cancel) {
        Thread thread = new Thread(() -> {
            try {
                cancel.run();
            } catch (SQLException | RuntimeException ignored) {
                // the process is ending: a statement that finished meanwhile, or a refused cancel, leaves what the end would
            }
        }, "matey-cancel");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
