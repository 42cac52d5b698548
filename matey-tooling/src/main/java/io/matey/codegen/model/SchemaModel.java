package io.matey.codegen.model;

import io.matey.codegen.CodegenDialect;
import java.util.Comparator;
import java.util.List;

/**
 * The tables and views of a validated schema, as the generators need them: read from the replay scratch
 * database, never from a live one.
 *
 * @param dialect the engine's codegen dialect, which read the model; type names are in its vocabulary
 * @param tables tables and views, in the order the generators render them
 */
public record SchemaModel(CodegenDialect dialect, List<Table> tables) {

    /** Default-schema objects first, then other schemas, each by name: a stable order whatever the catalog says. */
    public static final Comparator<Table> ORDER = Comparator
            .comparing((Table t) -> t.schema() == null ? "" : t.schema())
            .thenComparing(Table::name);

    public SchemaModel {
        tables = tables.stream().sorted(ORDER).toList();
    }

    /** The table or view a foreign key refers to, or null when it is not part of the model. */
    public Table find(String schema, String name) {
        return tables.stream().filter(t -> t.name().equals(name) && java.util.Objects.equals(t.schema(), schema))
                .findFirst().orElse(null);
    }
}
