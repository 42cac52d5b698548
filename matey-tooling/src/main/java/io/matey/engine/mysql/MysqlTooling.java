package io.matey.engine.mysql;

import io.matey.codegen.CodegenDialect;
import io.matey.data.DataDialect;
import io.matey.engine.EngineTooling;

/** The "mysql" engine's command-line companions: data sets and codegen (docs/architecture.md §3). */
public final class MysqlTooling implements EngineTooling {

    private static final CodegenDialect CODEGEN = new MysqlCodegen();

    @Override
    public String engine() {
        return "mysql";
    }

    @Override
    public DataDialect data() {
        return new MysqlDataDialect();
    }

    @Override
    public CodegenDialect codegen() {
        return CODEGEN;
    }
}
