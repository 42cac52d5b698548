package io.matey.engine.bigquery;

import io.matey.engine.MateyUrl;
import io.matey.testing.bigquery.BigQueryRestDouble;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The scenarios through the official client against {@link BigQueryRestDouble}, not BigQuery: the emulator engine
 * reaches it through its URL's host as users' clients do, the real engine through clients pointed at it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnDoubleScenarios extends BigQueryScenarios {

    private final boolean emulator;
    BigQueryRestDouble double_;
    private BigQueryEngine engine;

    OnDoubleScenarios(boolean emulator) {
        this.emulator = emulator;
    }

    @BeforeAll
    void start() throws IOException {
        double_ = new BigQueryRestDouble();
        engine = new BigQueryEngine(emulator, emulator ? BigQueryClients.DEFAULT : double_.clients());
    }

    @AfterAll
    void stop() {
        double_.close();
    }

    @Override
    BigQueryEngine engine() {
        return engine;
    }

    @Override
    MateyUrl base() {
        return MateyUrl.parse(emulator ? "bigquery-emulator://" + double_.endpoint() + "/matey/us/base"
                : "bigquery://matey-test/us/base");
    }
}
