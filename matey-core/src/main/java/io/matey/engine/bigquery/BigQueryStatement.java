package io.matey.engine.bigquery;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.TableResult;
import io.matey.error.MateyException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A statement of {@link BigQueryConnection}: each execution is one query job in the dataset. A query's rows come
 * back as a {@link ResultSet} read into memory ({@link BigQueryResults}); a DML statement's update count is the
 * job's {@code numDmlAffectedRows}, DDL counts 0. A prepared statement's {@code ?} placeholders take typed
 * {@link QueryParameterValue}s through {@code setObject} (the engine's data dialect builds them: BigQuery needs a
 * type even for NULL). There are no batches: data sets, the one writer of many rows, send their own few statements
 * ({@link BigQueryDataDialect#write}). The fetch size is a hint it ignores, since results are read whole.
 */
final class BigQueryStatement extends AdapterHandler {

    private final BigQueryDataset dataset;
    private final String prepared;
    private final Map<Integer, QueryParameterValue> parameters = new TreeMap<>();
    private TableResult last;
    private ResultSet results;

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
    String describe() {
        return "The BigQuery statement in " + dataset.url() + (prepared == null ? "" : " (" + prepared + ")");
    }

    @Override
    Object answer(Method method, Object[] args) throws SQLException {
        String name = method.getName();
        int arity = args.length;
        boolean execution = name.equals("execute") || name.equals("executeQuery") || name.equals("executeUpdate");
        if (execution && (arity == 1 && prepared == null && args[0] instanceof String || arity == 0 && prepared != null)) {
            run(arity == 0 ? prepared : (String) args[0], arity == 0 ? current() : List.of());
            return switch (name) {
                case "execute" -> results != null;
                case "executeQuery" -> requireResults();
                default -> Math.toIntExact(updateCount());
            };
        }
        if (prepared != null && name.equals("setObject") && arity == 2 && args[1] instanceof QueryParameterValue value) {
            parameters.put((Integer) args[0], value);
            return null;
        }
        return switch (name) {
            case "getResultSet" -> results;
            case "getUpdateCount" -> results != null || last == null ? -1 : Math.toIntExact(updateCount());
            case "setFetchSize" -> null;
            case "clearParameters" -> {
                parameters.clear();
                yield null;
            }
            default -> throw BigQueryConnection.unsupported(prepared == null ? "Statement" : "PreparedStatement",
                    method, arity);
        };
    }

    /** The parameters set so far, which must be 1..n without gaps. */
    private List<QueryParameterValue> current() throws SQLException {
        List<QueryParameterValue> values = new ArrayList<>(parameters.values());
        if (!parameters.isEmpty() && !parameters.containsKey(values.size())) {
            throw new SQLException("BigQuery statement parameters must be set from 1 without gaps, got " + parameters.keySet());
        }
        return values;
    }

    private void run(String sql, List<QueryParameterValue> values) throws SQLException {
        try {
            last = dataset.execute(sql, values);
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
