package io.matey.engine.postgres;

import io.matey.codegen.CodegenDialect;
import io.matey.data.DataDialect;
import io.matey.engine.EngineTooling;

/** The "postgres" engine's command-line companions: data sets and codegen (docs/architecture.md §3). */
public final class PostgresTooling implements EngineTooling {

    private static final CodegenDialect CODEGEN = new PostgresCodegen();

    @Override
    public String engine() {
        return "postgres";
    }

    @Override
    public DataDialect data() {
        return new PostgresDataDialect();
    }

    @Override
    public CodegenDialect codegen() {
        return CODEGEN;
    }
}
