package io.matey.engine.bigquery;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * A {@link BigQueryDataset} as the minimal {@link Connection} the engine-neutral core passes around
 * (docs/architecture.md §3): statements (plain, or prepared with positional parameters), auto-commit that is always on
 * (BigQuery has no transactions, and the engine says so, so the core never asks for one), the metadata data sets
 * read (project as catalog, dataset as schema, {@link BigQueryMetaData}), close, and
 * {@code unwrap(BigQueryDataset.class)}, through which the engine's own code gets the session back. Every other
 * method throws {@link SQLFeatureNotSupportedException} naming it, so a core path that needs more fails loudly.
 */
final class BigQueryConnection extends AdapterHandler {

    private final BigQueryDataset dataset;

    private BigQueryConnection(BigQueryDataset dataset) {
        this.dataset = dataset;
    }

    static Connection open(BigQueryDataset dataset) {
        return (Connection) Proxy.newProxyInstance(BigQueryConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new BigQueryConnection(dataset));
    }

    /** The session behind a connection this engine opened. */
    static BigQueryDataset dataset(Connection connection) throws SQLException {
        return connection.unwrap(BigQueryDataset.class);
    }

    /** Whether the session's dataset holds table {@code name}, asked of the tables API. */
    static boolean hasTable(Connection connection, String name) throws SQLException {
        BigQueryDataset dataset = dataset(connection);
        return ClientCalls.call(() -> dataset.hasTable(name));
    }

    @Override
    String describe() {
        return "The BigQuery session with " + dataset.url();
    }

    @Override
    Object answer(Method method, Object[] args) throws SQLException {
        return switch (method.getName()) {
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(dataset);
            case "unwrap" -> {
                if (!((Class<?>) args[0]).isInstance(dataset)) {
                    throw new SQLException("A BigQuery connection wraps a BigQueryDataset, not " + args[0] + ".");
                }
                yield dataset;
            }
            case "createStatement" -> args.length == 0 ? BigQueryStatement.open(dataset, null) : unsupported(method, args);
            case "prepareStatement" -> args.length == 1 ? BigQueryStatement.open(dataset, (String) args[0])
                    : unsupported(method, args);
            case "getAutoCommit" -> true;
            case "setAutoCommit" -> (Boolean) args[0] ? null : unsupported(method, args);
            case "getMetaData" -> BigQueryMetaData.of(dataset);
            case "getCatalog" -> dataset.url().project();
            case "getSchema" -> dataset.url().dataset();
            default -> unsupported(method, args);
        };
    }

    private static Object unsupported(Method method, Object[] args) throws SQLFeatureNotSupportedException {
        throw unsupported("Connection", method, args.length);
    }

    static SQLFeatureNotSupportedException unsupported(String type, Method method, int arity) {
        String call = type + "." + method.getName() + "(" + (arity == 0 ? "" : "...") + ")";
        return new SQLFeatureNotSupportedException("Matey's BigQuery connection adapter does not support " + call
                + (call.startsWith("Connection.setAutoCommit") ? ": BigQuery has no transactions." : "."));
    }
}
