package io.matey.engine.bigquery;

/** The registered {@code bigquery-emulator} engine: the URL's host, without credentials. */
public final class BigQueryEmulatorEngine extends BigQueryEngine {

    /** The default clients are touched only on use, so the engine loads without the optional client. */
    public BigQueryEmulatorEngine() {
        super(true, url -> BigQueryClients.DEFAULT.client(url));
    }
}
