package io.matey.engine.bigquery;

/**
 * The registered {@code bigquery} engine: Google's service with Application Default Credentials, unless the tests
 * install other clients (their REST double) with {@link #useClients}. An application with a client of its own gives
 * it per endpoint instead, as a {@code new BigQueryEngine(false, clients)} (the Spring Boot starter's BigQuery bean,
 * docs/architecture.md §8), so that nothing leaks from one application into another in the same JVM.
 */
public final class BigQueryServiceEngine extends BigQueryEngine {

    /** Null for the default. */
    private static volatile BigQueryClients installed;

    public BigQueryServiceEngine() {
        super(false, null);
    }

    /** Where {@code bigquery://} targets' clients come from from now on, in this whole JVM: for tests. */
    public static void useClients(BigQueryClients clients) {
        installed = clients;
    }

    @Override
    protected BigQueryClients clients() {
        BigQueryClients current = installed;
        return current == null ? BigQueryClients.DEFAULT : current;
    }
}
