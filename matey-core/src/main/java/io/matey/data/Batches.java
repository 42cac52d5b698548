package io.matey.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends writes in JDBC batches while keeping their order: consecutive writes with the same SQL share a batch,
 * and a write with other SQL first sends what is pending, so rows reach the table in file order.
 */
final class Batches implements AutoCloseable {

    static final int SIZE = 1000;

    /** Sets one write's parameters. */
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private PreparedStatement current;
    private int pending;

    Batches(Connection connection) {
        this.connection = connection;
    }

    void add(String sql, Parameters parameters) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        if (statement != current) {
            flush();
            current = statement;
        }
        parameters.bind(statement);
        statement.addBatch();
        if (++pending == SIZE) {
            flush();
        }
    }

    /** Sends the pending batch. */
    void flush() throws SQLException {
        if (pending > 0) {
            current.executeBatch();
            pending = 0;
        }
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
