package io.matey.engine.bigquery;

/**
 * The registered {@code bigquery} engine: Google's service with Application Default Credentials, unless an
 * embedding application or a test installs other clients (a configured {@code BigQuery} bean, the tests' REST
 * double) with {@link #useClients}.
 */
public final class BigQueryServiceEngine extends BigQueryEngine {

    /** Null for the default, which is only touched on use: the engine loads without the optional client. */
    private static volatile BigQueryClients installed;

    public BigQueryServiceEngine() {
        super(false, url -> (installed == null ? BigQueryClients.DEFAULT : installed).client(url));
    }

    /** Where {@code bigquery://} targets' clients come from from now on, in this JVM. */
    public static void useClients(BigQueryClients clients) {
        installed = clients;
    }
}
