package io.matey.engine.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import java.sql.SQLException;

/**
 * Calls into Google's client from the engine, kept out of {@link BigQueryEngine} so that the registered engines load
 * (and the other engines work) where the optional client is not on the class path.
 */
final class ClientCalls {

    interface ClientCall<T> {
        T run();
    }

    private ClientCalls() {
    }

    /** The client's failures as the SQLExceptions the core reports with its context (command, target). */
    static <T> T call(ClientCall<T> call) throws SQLException {
        try {
            return call.run();
        } catch (BigQueryException | BigQueryStatementException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    static void requireClient(String engine) {
        try {
            Class.forName("com.google.cloud.bigquery.BigQuery", false, ClientCalls.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new MateyException(Reason.UNSUPPORTED, "The " + engine + " engine needs Google's BigQuery client: add "
                    + "com.google.cloud:google-cloud-bigquery to the application (the matey app bundles it).");
        }
    }
}
