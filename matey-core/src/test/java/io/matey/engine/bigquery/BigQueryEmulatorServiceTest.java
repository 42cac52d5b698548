package io.matey.engine.bigquery;

/**
 * The scenarios against a running BigQuery emulator (e.g. the goccy/bigquery-emulator container) when
 * {@code MATEY_TEST_BIGQUERY_EMULATOR_URL} names a scratch base ({@code bigquery-emulator://host:port/project/any}).
 */
class BigQueryEmulatorServiceTest extends ServiceScenarios {

    BigQueryEmulatorServiceTest() {
        super("MATEY_TEST_BIGQUERY_EMULATOR_URL", true);
    }
}
