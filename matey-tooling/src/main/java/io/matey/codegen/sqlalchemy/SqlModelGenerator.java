package io.matey.codegen.sqlalchemy;

import io.matey.codegen.UniqueNames;
import io.matey.codegen.model.Column;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code generator = "sqlmodels"}: SQLModel classes ({@code class X(SQLModel, table=True)}), as sqlacodegen's
 * generator of that name. Each field carries its full SQLAlchemy column ({@code Field(sa_column=Column(...))}), so
 * the table is exactly the replayed one; relationships come from foreign keys as in the declarative generator.
 * Views, tables without a primary key and association tables stay {@code Table} objects, on
 * {@code SQLModel.metadata} (views on a MetaData of their own, {@link PyModule#table}).
 */
public final class SqlModelGenerator {

    private final Options options;

    public SqlModelGenerator(Set<String> options) {
        this.options = Options.of(options);
    }

    public String render(SchemaModel model) {
        if (model.tables().isEmpty()) {
            return PyModule.EMPTY;
        }
        PyModule module = new PyModule(model, options);
        PyImports imports = module.imports();
        Elements elements = module.elements();
        UniqueNames moduleNames = module.names();
        DeclarativeGenerator.Mapping mapping = DeclarativeGenerator.Mapping.of(model, moduleNames, options.inflect(), true);
        Relationships relationships = options.constraints() ? Relationships.of(model, mapping, options) : Relationships.none();

        List<String> blocks = new ArrayList<>();
        String metadata = imports.use("sqlmodel", "SQLModel") + ".metadata";
        for (Table table : model.tables()) {
            DeclarativeGenerator.MappedClass mapped = mapping.classes().get(table);
            blocks.add(mapped != null ? classBlock(mapped, elements, imports, relationships.of(mapped))
                    : module.table(mapping.tables().get(table), table, metadata));
        }
        return module.render(blocks);
    }

    private static String classBlock(DeclarativeGenerator.MappedClass mapped, Elements elements, PyImports imports,
            List<Relationships.Relationship> relations) {
        Table table = mapped.table();
        StringBuilder out = new StringBuilder("class ").append(mapped.name()).append('(')
                .append(imports.use("sqlmodel", "SQLModel")).append(", table=True):\n");
        out.append("    __tablename__ = ").append(Py.str(table.name())).append('\n');
        String tableArgs = DeclarativeGenerator.tableArgs(table, elements);
        if (tableArgs != null) {
            out.append("    __table_args__ = ").append(tableArgs).append('\n');
        }
        out.append('\n');
        String field = imports.use("sqlmodel", "Field");
        for (Column column : table.columns()) {
            SqlAlchemyTypes.PyType type = elements.type(table, column);
            String annotation = DeclarativeGenerator.annotation(type.annotation(), imports);
            // whatever the database may fill in is None until it does, as in SQLModel's own `id: Optional[int]`
            boolean optional = ConstructorField.of(column) != ConstructorField.REQUIRED;
            List<String> args = new ArrayList<>(List.of(Py.str(column.name()),
                    optional ? ConstructorField.typeForNoneDefault(type.expression()) : type.expression()));
            args.addAll(elements.columnExtras(table, column));
            args.addAll(elements.columnKeywords(table, column, true));
            String sqlColumn = "sa_column=" + imports.sa("Column") + "(" + String.join(", ", args) + ")";
            if (optional) {
                annotation = imports.use("typing", "Optional") + "[" + annotation + "]";
                sqlColumn = "default=None, " + sqlColumn;
            }
            out.append("    ").append(mapped.attributes().get(column.name())).append(": ").append(annotation)
                    .append(" = ").append(field).append('(').append(sqlColumn).append(")\n");
        }
        if (!relations.isEmpty()) {
            out.append('\n');
            for (Relationships.Relationship relation : relations) {
                out.append("    ").append(relation.attribute()).append(": ").append(annotation(relation, imports))
                        .append(" = ").append(imports.use("sqlmodel", "Relationship")).append('(')
                        .append(relationshipArguments(relation)).append(")\n");
            }
        }
        return out.toString().stripTrailing();
    }

    private static String annotation(Relationships.Relationship relation, PyImports imports) {
        String target = Py.str(relation.target());
        return switch (relation.kind()) {
            case MANY -> imports.use("typing", "List") + "[" + target + "]";
            case OPTIONAL_ONE -> imports.use("typing", "Optional") + "[" + target + "]";
            case ONE -> target;
        };
    }

    /**
     * SQLModel's {@code Relationship} takes {@code back_populates} itself and every other {@code relationship()}
     * keyword in {@code sa_relationship_kwargs}; the target comes from the annotation.
     */
    private static String relationshipArguments(Relationships.Relationship relation) {
        List<String> direct = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (String argument : relation.arguments().subList(1, relation.arguments().size())) {
            int eq = argument.indexOf('=');
            String key = argument.substring(0, eq);
            if (key.equals("back_populates")) {
                direct.add(argument);
            } else {
                passed.add(Py.str(key) + ": " + argument.substring(eq + 1));
            }
        }
        if (!passed.isEmpty()) {
            direct.add("sa_relationship_kwargs={" + String.join(", ", passed) + "}");
        }
        return String.join(", ", direct);
    }
}
