package io.matey.codegen.sqlalchemy;

import io.matey.codegen.UniqueNames;
import io.matey.codegen.model.Column;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A generated {@code models.py} being assembled, the set-up every SQLAlchemy generator shares: the imports, types
 * and table elements its blocks use; rendered as the imports, the optional {@code NativeType} class, then the blocks.
 */
final class PyModule {

    /** What Python matey writes when there is nothing to generate. */
    static final String EMPTY = "# No user tables or views reflected.\n";

    /**
     * The MetaData of the views, declared before the first: kept off the tables' so that {@code create_all()}
     * creates only tables (a view would become a table, and a SQLite view's untyped column has no DDL).
     */
    static final String VIEW_METADATA = "view_metadata";

    /** Names the generators may bind besides column types, reserved before tables and classes are named. */
    static final Set<String> RESERVED = Set.of("Any", "Base", "CheckConstraint", "ExcludeConstraint", "Column", "Computed", "DeclarativeBase",
            "Field", "ForeignKey", "ForeignKeyConstraint", "Identity", "Index", "List", "Mapped", "MappedAsDataclass",
            "MetaData", "Optional", "Relationship", "SQLModel", "Sequence", "Table", "UniqueConstraint", "UserDefinedType",
            SqlAlchemyTypes.NATIVE_TYPE, "datetime", "decimal",
            "column", "literal_column", "mapped_column", "metadata", "relationship", "text", "uuid", VIEW_METADATA);

    private static final String NATIVE_TYPE_CLASS = """
            class NativeType(UserDefinedType):
                \"\"\"A column type SQLAlchemy has no class for, created under its database name.\"\"\"

                cache_ok = True

                def __init__(self, name):
                    self.name = name

                def get_col_spec(self, **kw):
                    return self.name
            """;

    private final PyImports imports = new PyImports();
    private final SqlAlchemyTypes types;
    private final Elements elements;
    private boolean viewMetadataDeclared;

    /** Maps every column type of the model once, so that all type names are imported before anything is named. */
    PyModule(SchemaModel model, Options options) {
        types = new SqlAlchemyTypes(model.dialect(), imports);
        elements = new Elements(model.dialect(), imports, types, options);
        for (Table table : model.tables()) {
            for (Column column : table.columns()) {
                elements.type(table, column);
            }
        }
    }

    PyImports imports() {
        return imports;
    }

    Elements elements() {
        return elements;
    }

    /** The module-level names still free: every name the imports bind so far and the reserved ones are taken. */
    UniqueNames names() {
        Set<String> names = new TreeSet<>(RESERVED);
        names.addAll(imports.names());
        return new UniqueNames(names);
    }

    String render(List<String> blocks) {
        List<String> parts = new ArrayList<>();
        if (types.nativeTypeUsed()) {
            parts.add(NATIVE_TYPE_CLASS.strip());
        }
        parts.addAll(blocks);
        return imports.render() + "\n" + String.join("\n\n\n", parts) + "\n";
    }

    /**
     * A {@code Table(...)} assignment; {@code metadata} is the expression naming the tables' MetaData, a view's
     * being {@link #VIEW_METADATA}, declared with the first view.
     */
    String table(String variable, Table table, String metadata) {
        String declaration = "";
        if (table.view()) {
            metadata = VIEW_METADATA;
            if (!viewMetadataDeclared) {
                viewMetadataDeclared = true;
                declaration = "# Views: not on the tables' MetaData, so that create_all() creates no table for them.\n"
                        + VIEW_METADATA + " = " + imports.sa("MetaData") + "()\n\n\n";
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(Py.str(table.name()) + ", " + metadata);
        for (Column column : table.columns()) {
            List<String> args = new ArrayList<>();
            args.add(Py.str(column.name()));
            args.add(elements.type(table, column).expression());
            args.addAll(elements.columnExtras(table, column));
            args.addAll(elements.columnKeywords(table, column, true));
            lines.add(imports.sa("Column") + "(" + String.join(", ", args) + ")");
        }
        lines.addAll(elements.tableElements(table));
        for (Map.Entry<String, String> keyword : elements.tableKeywords(table).entrySet()) {
            lines.add(keyword.getKey() + "=" + keyword.getValue());
        }
        return declaration + variable + " = " + imports.sa("Table") + "(\n    " + String.join(",\n    ", lines) + "\n)";
    }
}
