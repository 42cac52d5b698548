package io.matey.engine.clickhouse;

import io.matey.codegen.CodegenDialect;
import io.matey.data.DataDialect;
import io.matey.engine.EngineTooling;

/** The "clickhouse" engine's command-line companions: data sets and codegen (docs/architecture.md §3). */
public final class ClickHouseTooling implements EngineTooling {

    private static final CodegenDialect CODEGEN = new ClickHouseCodegen();

    @Override
    public String engine() {
        return "clickhouse";
    }

    @Override
    public DataDialect data() {
        return new ClickHouseDataDialect();
    }

    @Override
    public CodegenDialect codegen() {
        return CODEGEN;
    }
}
