package io.matey.codegen.sqlalchemy;

import io.matey.codegen.UniqueNames;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code generator = "tables"}: {@code metadata = MetaData()} and one {@code Table(...)} per table and view
 * (views on a MetaData of their own, {@link PyModule#table}). */
public final class TablesGenerator {

    private final Options options;

    public TablesGenerator(Set<String> options) {
        this.options = Options.of(options);
    }

    public String render(SchemaModel model) {
        if (model.tables().isEmpty()) {
            return PyModule.EMPTY;
        }
        PyModule module = new PyModule(model, options);
        UniqueNames names = module.names();
        List<String> blocks = new ArrayList<>();
        blocks.add("metadata = " + module.imports().sa("MetaData") + "()");
        for (Table table : model.tables()) {
            String variable = names.claim("t_" + Py.identifier(table.schema() == null ? table.name()
                    : table.schema() + "_" + table.name()));
            blocks.add(module.table(variable, table, "metadata"));
        }
        return module.render(blocks);
    }
}
