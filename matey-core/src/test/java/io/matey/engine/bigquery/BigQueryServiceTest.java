package io.matey.engine.bigquery;

/**
 * The scenarios against real BigQuery when {@code MATEY_TEST_BIGQUERY_URL} names a scratch base
 * ({@code bigquery://project[/location]/any}, with Application Default Credentials).
 */
class BigQueryServiceTest extends ServiceScenarios {

    BigQueryServiceTest() {
        super("MATEY_TEST_BIGQUERY_URL", false);
    }
}
