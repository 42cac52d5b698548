package io.matey.data;

import io.matey.engine.RunningStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends writes in JDBC batches while keeping their order: consecutive writes with the same SQL share a batch,
 * and a write with other SQL first sends what is pending, so rows reach the table in file order. Inside a
 * transaction each batch runs under a savepoint: when the database refuses it, the batch is undone and sent again
 * one write at a time, so that the refused write's data file line, or the deleted row's key, can be named
 * ({@link RefusedRow}). A write by key that expects rows must change exactly those ({@link MissedRow}); where the
 * driver gives no count for a batch's writes (SUCCESS_NO_INFO: MariaDB Connector/J's {@code useBulkStmts}), the
 * batch is undone and sent one write at a time too, each then counted.
 */
final class Batches implements AutoCloseable {

    static final int SIZE = 1000;

    /** Sets one write's parameters. */
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * A pending write: its data file line (0 for none), the key of the row it updates or deletes (else null), the
     * rows it must change (0: not counted), its parameters.
     */
    private record Write(int line, Object[] key, int rows, Parameters parameters) {
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final List<Write> pending = new ArrayList<>();
    private PreparedStatement current;
    private Savepoint savepoint;

    Batches(Connection connection) {
        this.connection = connection;
    }

    /** Adds a write from data file line {@code line} (0 when no line wrote it), whatever rows it changes. */
    void add(String sql, int line, Parameters parameters) throws SQLException {
        add(sql, line, null, 0, parameters);
    }

    /**
     * Adds the write by key {@code key} from data file line {@code line} (0 for the delete of a row no line holds),
     * which must change {@code rows} rows (0: not counted).
     */
    void add(String sql, int line, Object[] key, int rows, Parameters parameters) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        if (statement != current) {
            flush();
            current = statement;
        }
        if (pending.isEmpty() && !connection.getAutoCommit()) {
            savepoint = connection.setSavepoint();
        }
        parameters.bind(statement);
        statement.addBatch();
        pending.add(new Write(line, key, rows, parameters));
        if (pending.size() == SIZE) {
            flush();
        }
    }

    /** Sends the pending batch. */
    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        int[] counts;
        try {
            counts = current.executeBatch();
        } catch (SQLException e) {
            if (savepoint == null || RunningStatements.cancelling()) {
                throw e;
            }
            current.clearBatch();
            connection.rollback(savepoint);
            throw oneByOne(e);
        }
        if (!counted(counts)) {
            if (savepoint == null) {
                throw new SQLException("The driver gave no row counts for a batch outside a transaction, so the rows "
                        + "found by key cannot be checked.");
            }
            connection.rollback(savepoint);
            oneByOne(null);
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
            savepoint = null;
        }
        pending.clear();
    }

    /**
     * Whether every write that must change rows changed them as the batch's counts say; false when the driver gave
     * no count for one. Throws at the first that changed other rows.
     */
    private boolean counted(int[] counts) throws MissedRow {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).rows() > 0) {
                if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    return false;
                }
                check(pending.get(i), counts[i]);
            }
        }
        return true;
    }

    /** Throws when a write that must change rows (its caller asks) changed another number of them. */
    private static void check(Write write, int count) throws MissedRow {
        if (count != write.rows()) {
            throw new MissedRow(write.line(), write.key(), write.rows(), count);
        }
    }

    /**
     * Sends the undone batch's writes one at a time, each counted; throws at the first the database refuses or that
     * changes other rows than it must, else returns {@code batchFailure} (null when the batch did not fail).
     */
    private SQLException oneByOne(SQLException batchFailure) throws SQLException {
        for (Write write : pending) {
            write.parameters().bind(current);
            int count;
            try {
                count = current.executeUpdate();
            } catch (SQLException e) {
                // a line names its row; a delete, which no line holds, is named by its key
                throw write.line() > 0 ? new RefusedRow(write.line(), null, e)
                        : write.key() != null ? new RefusedRow(0, write.key(), e) : e;
            }
            if (write.rows() > 0) {
                check(write, count);
            }
        }
        return batchFailure;
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
