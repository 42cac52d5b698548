package io.matey.data;

import io.matey.engine.RunningStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends writes in JDBC batches while keeping their order: consecutive writes with the same SQL share a batch,
 * and a write with other SQL first sends what is pending, so rows reach the table in file order. Inside a
 * transaction each batch runs under a savepoint: when the database refuses it, the batch is undone and sent again
 * one write at a time, so that the refused write's data file line, or the deleted row's key, can be named
 * ({@link RefusedRow}).
 */
final class Batches implements AutoCloseable {

    static final int SIZE = 1000;

    /** Sets one write's parameters. */
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** A pending write: its data file line (0 for none), the key of the row it deletes (else null), its parameters. */
    private record Write(int line, Object[] deletedKey, Parameters parameters) {
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final List<Write> pending = new ArrayList<>();
    private PreparedStatement current;
    private Savepoint savepoint;

    Batches(Connection connection) {
        this.connection = connection;
    }

    /** Adds a write from data file line {@code line} (0 when no line wrote it). */
    void add(String sql, int line, Parameters parameters) throws SQLException {
        add(sql, line, null, parameters);
    }

    /** Adds the delete of the table's row of key {@code key}, which no line of the file holds. */
    void addDelete(String sql, Object[] key, Parameters parameters) throws SQLException {
        add(sql, 0, key, parameters);
    }

    private void add(String sql, int line, Object[] deletedKey, Parameters parameters) throws SQLException {
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
        pending.add(new Write(line, deletedKey, parameters));
        if (pending.size() == SIZE) {
            flush();
        }
    }

    /** Sends the pending batch. */
    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try {
            current.executeBatch();
        } catch (SQLException e) {
            if (savepoint == null || RunningStatements.cancelling()) {
                throw e;
            }
            current.clearBatch();
            connection.rollback(savepoint);
            findRefused(e);
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
            savepoint = null;
        }
        pending.clear();
    }

    /** Sends the undone batch's writes one at a time; throws at the first the database refuses. */
    private void findRefused(SQLException batchFailure) throws SQLException {
        for (Write write : pending) {
            write.parameters().bind(current);
            try {
                current.executeUpdate();
            } catch (SQLException e) {
                throw write.line() > 0 || write.deletedKey() != null ? new RefusedRow(write.line(), write.deletedKey(), e)
                        : e;
            }
        }
        throw batchFailure;
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
