package io.matey.engine.bigquery;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.matey.engine.MateyUrl;
import org.junit.jupiter.api.BeforeEach;

/**
 * The scenarios against a real service, only when the given variable names a scratch base where datasets may be
 * created and deleted; skipped otherwise, and never required: no BigQuery is reachable where the suite usually runs.
 */
abstract class ServiceScenarios extends BigQueryScenarios {

    private final String variable;
    private final String base;
    private final BigQueryEngine engine;

    ServiceScenarios(String variable, boolean emulator) {
        this.variable = variable;
        this.base = System.getenv(variable);
        this.engine = new BigQueryEngine(emulator, BigQueryClients.DEFAULT);
    }

    @BeforeEach
    void needsAService() {
        assumeTrue(base != null && !base.isBlank(), variable + " is not set: no service to test against");
    }

    @Override
    BigQueryEngine engine() {
        return engine;
    }

    @Override
    MateyUrl base() {
        return MateyUrl.parse(base);
    }
}
