package io.matey.live;

import io.matey.engine.Engine;
import io.matey.engine.ServerProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A live endpoint whose first connection is opened on a thread of its own from the moment a command knows the
 * URL, so that the server's login and the driver's first use overlap with reading and checking the workspace
 * (docs/architecture.md §7). The command's first {@link #connectIfExists()} takes that connection, or the failure
 * of opening it, exactly as a call at that moment would have given them; {@link #close()} closes one that nobody
 * took (a command refused before connecting), without waiting for it.
 */
final class EarlyConnection implements LiveEndpoint, AutoCloseable {

    private final LiveEndpoint endpoint;
    private final CompletableFuture<Optional<Connection>> first = new CompletableFuture<>();
    private boolean taken;

    private EarlyConnection(LiveEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    static EarlyConnection start(LiveEndpoint endpoint) {
        EarlyConnection early = new EarlyConnection(endpoint);
        Thread thread = new Thread(early::open, "matey-connect");
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    private void open() {
        try {
            first.complete(endpoint.connectIfExists());
        } catch (SQLException | RuntimeException | Error e) {
            first.completeExceptionally(e);
        }
    }

    @Override
    public Optional<Connection> connectIfExists() throws SQLException {
        if (taken) {
            return endpoint.connectIfExists();
        }
        taken = true;
        try {
            return first.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while connecting to " + endpoint + ".", e);
        }
    }

    private static SQLException rethrown(Throwable cause) {
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) cause;
    }

    @Override
    public void close() {
        if (!taken) {
            taken = true;
            first.thenAccept(connection -> connection.ifPresent(EarlyConnection::closeQuietly));
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing was done on it
        }
    }

    @Override
    public Connection connect() throws SQLException {
        return endpoint.connect();
    }

    @Override
    public Engine engine() {
        return endpoint.engine();
    }

    @Override
    public String kind() {
        return endpoint.kind();
    }

    @Override
    public String urlOption() {
        return endpoint.urlOption();
    }

    @Override
    public boolean exists() throws SQLException {
        return endpoint.exists();
    }

    @Override
    public boolean create(Optional<ServerProfile> defaults) throws SQLException {
        return endpoint.create(defaults);
    }

    @Override
    public void drop() throws SQLException {
        endpoint.drop();
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
