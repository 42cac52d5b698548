package io.matey.engine.bigquery;

/**
 * The registered {@code bigquery} engine: Google's service with Application Default Credentials, unless an
 * embedding application or a test installs other clients (a configured {@code BigQuery} bean, the tests' REST
 * double) with {@link #useClients}.
 */
public final class BigQueryServiceEngine extends BigQueryEngine {

    /** Null for the default. */
    private static volatile BigQueryClients installed;

    public BigQueryServiceEngine() {
        super(false, null);
    }

    /** Where {@code bigquery://} targets' clients come from from now on, in this JVM. */
    public static void useClients(BigQueryClients clients) {
        installed = clients;
    }

    @Override
    protected BigQueryClients clients() {
        BigQueryClients current = installed;
        return current == null ? BigQueryClients.DEFAULT : current;
    }
}
