package io.matey.engine.bigquery;

import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.TableResult;
import io.matey.error.MateyException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A statement of {@link BigQueryConnection}: each execution is one query job in the dataset. A query's rows come
 * back as a {@link ResultSet} read into memory ({@link BigQueryResults}); a DML statement's update count is the
 * job's {@code numDmlAffectedRows}, DDL counts 0. Prepared statements are the same with their SQL fixed.
 */
final class BigQueryStatement implements InvocationHandler {

    private final BigQueryDataset dataset;
    private final String prepared;
    private TableResult last;
    private ResultSet results;
    private boolean closed;

    private BigQueryStatement(BigQueryDataset dataset, String prepared) {
        this.dataset = dataset;
        this.prepared = prepared;
    }

    /** A plain statement ({@code prepared} null) or a prepared one. */
    static PreparedStatement open(BigQueryDataset dataset, String prepared) {
        return (PreparedStatement) Proxy.newProxyInstance(BigQueryStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new BigQueryStatement(dataset, prepared));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int arity = args == null ? 0 : args.length;
        switch (name) {
            case "toString":
                return "BigQuery statement in " + dataset.url() + (prepared == null ? "" : ": " + prepared);
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "close":
                closed = true;
                return null;
            case "isClosed":
                return closed;
            default:
                break;
        }
        if (closed) {
            throw new SQLException("This BigQuery statement is closed.");
        }
        boolean execution = name.equals("execute") || name.equals("executeQuery") || name.equals("executeUpdate");
        if (execution && (arity == 1 && prepared == null && args[0] instanceof String || arity == 0 && prepared != null)) {
            run(arity == 0 ? prepared : (String) args[0]);
            return switch (name) {
                case "execute" -> results != null;
                case "executeQuery" -> requireResults();
                default -> Math.toIntExact(updateCount());
            };
        }
        return switch (name) {
            case "getResultSet" -> results;
            case "getUpdateCount" -> results != null || last == null ? -1 : Math.toIntExact(updateCount());
            default -> throw BigQueryConnection.unsupported(prepared == null ? "Statement" : "PreparedStatement",
                    method, arity);
        };
    }

    private void run(String sql) throws SQLException {
        try {
            last = dataset.execute(sql);
        } catch (BigQueryStatementException e) {
            throw new SQLException(e.getMessage(), e);
        }
        Schema schema = last.getSchema();
        results = schema == null || schema.getFields().isEmpty() ? null : BigQueryResults.of(last);
    }

    private ResultSet requireResults() throws SQLException {
        if (results == null) {
            throw new SQLException("The statement returned no rows; executeQuery takes a query.");
        }
        return results;
    }

    private long updateCount() throws SQLException {
        if (results != null) {
            throw new SQLException("The statement returned rows; executeUpdate takes DML or DDL.");
        }
        try {
            return dataset.affectedRows(last);
        } catch (MateyException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }
}
