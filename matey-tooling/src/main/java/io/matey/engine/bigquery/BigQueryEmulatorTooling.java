package io.matey.engine.bigquery;

/** The {@code bigquery-emulator} engine's companions: the same as the service's (docs/architecture.md §3). */
public final class BigQueryEmulatorTooling extends BigQueryTooling {

    @Override
    public String engine() {
        return BigQueryUrl.EMULATOR_SCHEME;
    }
}
