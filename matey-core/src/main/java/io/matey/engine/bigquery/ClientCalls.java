package io.matey.engine.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import java.sql.SQLException;

/**
 * The client's failures as SQLExceptions, kept out of {@link BigQueryEngine}: a catch of a client type there would
 * stop the registered engines (and with them every engine) from loading where the optional client is missing.
 */
final class ClientCalls {

    interface ClientCall<T> {
        T run();
    }

    private ClientCalls() {
    }

    /** Runs a call; the client's failures become the SQLExceptions the core reports with its context. */
    static <T> T call(ClientCall<T> call) throws SQLException {
        try {
            return call.run();
        } catch (BigQueryException | BigQueryStatementException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** {@link #call} for a call without a result. */
    static void run(Runnable action) throws SQLException {
        call(() -> {
            action.run();
            return null;
        });
    }
}
