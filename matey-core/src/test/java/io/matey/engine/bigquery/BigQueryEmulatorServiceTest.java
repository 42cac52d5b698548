package io.matey.engine.bigquery;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.matey.engine.MateyUrl;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared scenarios against a running BigQuery emulator (e.g. the goccy/bigquery-emulator container), only when
 * {@code MATEY_TEST_BIGQUERY_EMULATOR_URL} names a scratch base ({@code bigquery-emulator://host:port/project/any}).
 * Never required.
 */
class BigQueryEmulatorServiceTest extends BigQueryScenarios {

    private static final String BASE = System.getenv("MATEY_TEST_BIGQUERY_EMULATOR_URL");
    private static final BigQueryEngine ENGINE = new BigQueryEngine(true, BigQueryClients.DEFAULT);

    @BeforeEach
    void needsAnEmulator() {
        assumeTrue(BASE != null && !BASE.isBlank(),
                "MATEY_TEST_BIGQUERY_EMULATOR_URL is not set: no BigQuery emulator to test against");
    }

    @Override
    BigQueryEngine engine() {
        return ENGINE;
    }

    @Override
    MateyUrl base() {
        return MateyUrl.parse(BASE);
    }
}
