package io.matey.engine.bigquery;

/** The registered {@code bigquery-emulator} engine: the URL's host, without credentials. */
public final class BigQueryEmulatorEngine extends BigQueryEngine {

    public BigQueryEmulatorEngine() {
        super(true, null);
    }

    @Override
    protected BigQueryClients clients() {
        return BigQueryClients.DEFAULT;
    }
}
