package io.matey.engine.bigquery;

/**
 * The engine contract on {@code bigquery-emulator}: against an emulator when {@code MATEY_TEST_BIGQUERY_EMULATOR_URL}
 * names a scratch base, else against the in-process {@code BigQueryRestDouble} (not the emulator), reached through
 * the URL's host; the fixtures are BigQuery's, which the emulator's dump renders (tables without options).
 */
class BigQueryEmulatorEngineContractTest extends BigQueryEngineContractTest {

    @Override
    protected String engine() {
        return "bigquery-emulator";
    }
}
