package io.matey.engine.bigquery;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * A {@link BigQueryDataset} as the minimal {@link Connection} the engine-neutral core passes around
 * (docs/architecture.md §3): statements (plain, or prepared with positional parameters), auto-commit that is always on
 * (BigQuery has no transactions, and the engine says so, so the core never asks for one), close, and
 * {@code unwrap(BigQueryDataset.class)}, through which the engine's own code gets the session back. Every other
 * method throws {@link SQLFeatureNotSupportedException} naming it, so a core path that needs more fails loudly.
 */
final class BigQueryConnection implements InvocationHandler {

    private final BigQueryDataset dataset;
    private boolean closed;

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

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int arity = args == null ? 0 : args.length;
        switch (name) {
            case "toString":
                return "BigQuery session with " + dataset.url();
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "close":
                closed = true;
                return null;
            case "isClosed":
                return closed;
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(dataset);
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(dataset)) {
                    return dataset;
                }
                throw new SQLException("A BigQuery connection wraps a BigQueryDataset, not " + args[0] + ".");
            default:
                break;
        }
        if (closed) {
            throw new SQLException("The BigQuery session with " + dataset.url() + " is closed.");
        }
        if (name.equals("createStatement") && arity == 0) {
            return BigQueryStatement.open(dataset, null);
        }
        if (name.equals("prepareStatement") && arity == 1) {
            return BigQueryStatement.open(dataset, (String) args[0]);
        }
        if (name.equals("getAutoCommit")) {
            return true;
        }
        if (name.equals("getMetaData")) {
            return BigQueryMetaData.of(dataset);
        }
        if (name.equals("getCatalog")) {
            return dataset.url().project();
        }
        if (name.equals("getSchema")) {
            return dataset.url().dataset();
        }
        if (name.equals("setAutoCommit") && (Boolean) args[0]) {
            return null;
        }
        throw unsupported("Connection", method, arity);
    }

    static SQLFeatureNotSupportedException unsupported(String type, Method method, int arity) {
        String call = type + "." + method.getName() + "(" + (arity == 0 ? "" : "...") + ")";
        return new SQLFeatureNotSupportedException("Matey's BigQuery connection adapter does not support " + call
                + (call.startsWith("Connection.setAutoCommit") ? ": BigQuery has no transactions." : "."));
    }
}
