package io.matey.engine.bigquery;

import io.matey.ci.CiService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered {@code bigquery-emulator} engine: the URL's host, without credentials. */
public final class BigQueryEmulatorEngine extends BigQueryEngine {

    /**
     * The goccy emulator with project {@code matey}, as the README runs it for the tests; its image has no shell
     * tools, so readiness is asked from the runner.
     */
    private static final CiService CI = new CiService("bigquery-emulator", "ghcr.io/goccy/bigquery-emulator:latest",
            Map.of(), 9050, "curl -sf http://127.0.0.1:9050/bigquery/v2/projects/matey/datasets > /dev/null",
            "bigquery-emulator://%s:9050/matey/scratch", List.of("--project=matey"));

    public BigQueryEmulatorEngine() {
        super(true, null);
    }

    @Override
    public Optional<CiService> ciService() {
        return Optional.of(CI);
    }

    @Override
    protected BigQueryClients clients() {
        return BigQueryClients.DEFAULT;
    }
}
