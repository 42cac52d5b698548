package io.matey.engine;

import io.matey.migration.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The connections this process works on (live databases, scratch databases, a dbmate command's, a data set's), so
 * that Ctrl-C or SIGTERM can cancel what runs on them on the server before the process ends (docs/architecture.md
 * §8): a server does not notice that its client has gone while it runs a statement, so the session would go on
 * running it, holding the migration lock, until it ends. Each connection is cancelled through its engine
 * ({@link Engine#cancelRunning}), whichever class sent the statement.
 */
public final class RunningStatements {

    /** Weak: a connection is forgotten once nobody holds it, so those who open one never have to deregister it. */
    private static final Map<Connection, Engine> CONNECTIONS = Collections.synchronizedMap(new WeakHashMap<>());

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

    /** Makes whatever runs on {@code connection}, while it is open, cancellable by {@link #cancelAll}; returns it. */
    public static Connection cancellable(Engine engine, Connection connection) {
        CONNECTIONS.put(connection, engine);
        return connection;
    }

    /**
     * {@link Statement#execute(String)}, refused once {@link #cancelAll} has begun: the cancels went to what ran
     * then, so a statement sent after them would run on on the server after the process has ended.
     */
    private static boolean execute(Statement statement, String sql) throws SQLException {
        refuseWhileCancelling();
        return statement.execute(sql);
    }

    private static void refuseWhileCancelling() throws SQLException {
        if (cancelling) {
            throw new SQLException("Not started: the process is ending.", "57014");
        }
    }

    /** {@link Statement#executeBatch()}, refused once {@link #cancelAll} has begun, as {@link #execute} is. */
    static int[] executeBatch(Statement statement) throws SQLException {
        refuseWhileCancelling();
        return statement.executeBatch();
    }

    /**
     * {@link #execute(Statement, String)} of a statement cut from a file, refused when the engine's driver would run
     * only part of it ({@link Engine#unrunStatementAt}): a statement silently skipped is worse than a failure.
     */
    static boolean execute(Engine engine, Statement statement, SqlStatement sql) throws SQLException {
        int unrun = engine.unrunStatementAt(sql);
        if (unrun >= 0) {
            throw new SQLException("the text Matey cut as one statement holds another at line " + sql.lineAt(unrun)
                    + ", which the database would silently not run, so Matey sent neither. This is a fault in Matey's "
                    + "statement splitting: report it with the text, and meanwhile move the statement at line "
                    + sql.lineAt(unrun) + " into a migration of its own");
        }
        return execute(statement, sql.sql());
    }

    /**
     * Cancels on the server the statement on {@code connection} whose answer never came ({@link Engine#unanswered}),
     * so that it does not run on after the failure is reported (docs/architecture.md §7), whether a migration or a
     * data set sent it; says whether it did, as a sentence (with a leading space) to follow the failure's.
     *
     * @param rerun what must not run again until a statement that could not be cancelled has ended
     */
    public static String cancelUnanswered(Engine engine, Connection connection, SQLException failure, String rerun) {
        try {
            engine.cancelRunning(connection);
            return " Matey cancelled the statement on the server, where it would have run on.";
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return " Matey could not cancel the statement on the server, where it may still run (" + engine.maskedFailure(e)
                    + "): wait for it to end before running " + rerun + " again.";
        }
    }

    /**
     * Refuses every statement from now on, as {@link #cancelAll} does, before it is called: a run of migrations starts
     * no further one ({@link #cancelling}).
     */
    public static void refuseNew() {
        cancelling = true;
    }

    /**
     * Cancels what runs on every open connection through its engine (PostgreSQL's cancel request, MySQL's and
     * ClickHouse's {@code KILL QUERY}, each on a connection of its own), all at once, and waits until they are sent or
     * {@code timeout} has passed: a server that cannot be reached must not hold up the end of the process.
     */
    public static void cancelAll(Duration timeout) {
        refuseNew();
        Map<Connection, Engine> open;
        synchronized (CONNECTIONS) {
            open = new HashMap<>(CONNECTIONS);
        }
        List<Thread> cancels = new ArrayList<>();
        open.forEach((connection, engine) -> cancels.add(start(() -> {
            if (!connection.isClosed()) {
                engine.cancelRunning(connection);
            }
        })));
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
