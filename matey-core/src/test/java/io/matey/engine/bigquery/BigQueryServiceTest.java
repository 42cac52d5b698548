package io.matey.engine.bigquery;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.matey.engine.MateyUrl;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared scenarios against real BigQuery, only when {@code MATEY_TEST_BIGQUERY_URL} names a scratch base
 * ({@code bigquery://project[/location]/any}; Application Default Credentials that may create and delete datasets).
 * Never required: no BigQuery is reachable where the suite usually runs.
 */
class BigQueryServiceTest extends BigQueryScenarios {

    private static final String BASE = System.getenv("MATEY_TEST_BIGQUERY_URL");
    private static final BigQueryEngine ENGINE = new BigQueryEngine(false, BigQueryClients.DEFAULT);

    @BeforeEach
    void needsAService() {
        assumeTrue(BASE != null && !BASE.isBlank(), "MATEY_TEST_BIGQUERY_URL is not set: no real BigQuery to test against");
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
