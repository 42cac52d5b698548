package io.matey.engine.bigquery;

import io.matey.codegen.CodegenDialect;
import io.matey.data.DataDialect;
import io.matey.engine.EngineTooling;

/**
 * The {@code bigquery} engine's command-line companions, data sets and codegen, which {@link BigQueryEmulatorTooling}
 * shares (docs/architecture.md §3).
 */
public class BigQueryTooling implements EngineTooling {

    private static final CodegenDialect CODEGEN = new BigQueryCodegen();

    @Override
    public String engine() {
        return BigQueryUrl.REAL_SCHEME;
    }

    @Override
    public DataDialect data() {
        return new BigQueryDataDialect();
    }

    @Override
    public CodegenDialect codegen() {
        return CODEGEN;
    }
}
