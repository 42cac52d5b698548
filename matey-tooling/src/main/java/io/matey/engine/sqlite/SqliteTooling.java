package io.matey.engine.sqlite;

import io.matey.codegen.CodegenDialect;
import io.matey.data.DataDialect;
import io.matey.engine.EngineTooling;

/** The "sqlite" engine's command-line companions: data sets and codegen (docs/architecture.md §3). */
public final class SqliteTooling implements EngineTooling {

    private static final CodegenDialect CODEGEN = new SqliteCodegen();

    @Override
    public String engine() {
        return "sqlite";
    }

    @Override
    public DataDialect data() {
        return new SqliteDataDialect();
    }

    @Override
    public CodegenDialect codegen() {
        return CODEGEN;
    }
}
