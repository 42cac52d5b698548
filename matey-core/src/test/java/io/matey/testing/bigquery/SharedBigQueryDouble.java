package io.matey.testing.bigquery;

import io.matey.engine.MateyUrl;
import io.matey.engine.bigquery.BigQueryServiceEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One {@link BigQueryRestDouble} per test JVM for the {@code bigquery} and {@code bigquery-emulator} entries of the
 * engine matrix (docs/architecture.md §10): the emulator engine reaches it through its URL's host, as users' clients
 * reach an emulator; the registered {@code bigquery} engine is told to use clients pointed at it.
 */
public final class SharedBigQueryDouble {

    private static BigQueryRestDouble shared;

    private SharedBigQueryDouble() {
    }

    /** A scratch base on the shared double: {@code bigquery://matey-test/us/base} or the emulator form. */
    public static synchronized MateyUrl base(boolean emulator) {
        if (shared == null) {
            try {
                shared = new BigQueryRestDouble();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            BigQueryServiceEngine.useClients(shared.clients());
        }
        return MateyUrl.parse(emulator ? "bigquery-emulator://" + shared.endpoint() + "/matey/us/base"
                : "bigquery://matey-test/us/base");
    }

    /** The calls the shared double served so far ({@link BigQueryRestDouble#calls()}); none before it starts. */
    public static synchronized List<String> calls() {
        return shared == null ? List.of() : shared.calls();
    }
}
