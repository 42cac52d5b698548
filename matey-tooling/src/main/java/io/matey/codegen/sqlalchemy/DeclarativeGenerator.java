package io.matey.codegen.sqlalchemy;

import io.matey.codegen.UniqueNames;
import io.matey.codegen.model.Column;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code generator = "declarative"}: SQLAlchemy 2 declarative classes ({@code DeclarativeBase}, {@code Mapped[...]},
 * {@code mapped_column}) with relationships from foreign keys; {@code generator = "dataclasses"}: the same classes
 * as dataclasses ({@code MappedAsDataclass}), as sqlacodegen's generator of that name. As in sqlacodegen, views,
 * tables without a primary key and pure association tables stay {@code Table} objects, on {@code Base.metadata}
 * (views on a MetaData of their own, {@link PyModule#table}).
 */
public final class DeclarativeGenerator {

    private final Options options;
    private final boolean dataclasses;

    public DeclarativeGenerator(Set<String> options, boolean dataclasses) {
        this.options = Options.of(options);
        this.dataclasses = dataclasses;
    }

    public String render(SchemaModel model) {
        if (model.tables().isEmpty()) {
            return PyModule.EMPTY;
        }
        PyModule module = new PyModule(model, options);
        PyImports imports = module.imports();
        Elements elements = module.elements();
        UniqueNames moduleNames = module.names();

        Mapping mapping = Mapping.of(model, moduleNames, options.inflect(), false);
        Relationships relationships = options.constraints() ? Relationships.of(model, mapping, options) : Relationships.none();

        List<String> blocks = new ArrayList<>();
        // keyword-only fields: a field with a default may then precede one without, so the attributes keep the
        // table's column order (the order the metadata creates them in)
        String bases = dataclasses
                ? imports.use("sqlalchemy.orm", "MappedAsDataclass") + ", " + imports.use("sqlalchemy.orm", "DeclarativeBase")
                        + ", kw_only=True"
                : imports.use("sqlalchemy.orm", "DeclarativeBase");
        blocks.add("class Base(" + bases + "):\n    pass");
        for (Table table : model.tables()) {
            MappedClass mapped = mapping.classes().get(table);
            blocks.add(mapped != null ? classBlock(mapped, elements, imports, relationships.of(mapped))
                    : module.table(mapping.tables().get(table), table, "Base.metadata"));
        }
        return module.render(blocks);
    }

    private String classBlock(MappedClass mapped, Elements elements, PyImports imports, List<Relationships.Relationship> relations) {
        Table table = mapped.table();
        StringBuilder out = new StringBuilder("class ").append(mapped.name()).append("(Base):\n");
        out.append("    __tablename__ = ").append(Py.str(table.name())).append('\n');
        String tableArgs = tableArgs(table, elements);
        if (tableArgs != null) {
            out.append("    __table_args__ = ").append(tableArgs).append('\n');
        }
        out.append('\n');
        String mappedName = imports.use("sqlalchemy.orm", "Mapped");
        for (Column column : table.columns()) {
            SqlAlchemyTypes.PyType type = elements.type(table, column);
            String annotation = annotation(type.annotation(), imports);
            if (column.nullable()) {
                annotation = imports.use("typing", "Optional") + "[" + annotation + "]";
            }
            List<String> args = new ArrayList<>();
            String attribute = mapped.attributes().get(column.name());
            if (!attribute.equals(column.name())) {
                args.add(Py.str(column.name()));
            }
            ConstructorField field = ConstructorField.of(column);
            args.add(dataclasses && field == ConstructorField.OPTIONAL
                    ? ConstructorField.typeForNoneDefault(type.expression()) : type.expression());
            args.addAll(elements.columnExtras(table, column));
            args.addAll(elements.columnKeywords(table, column, false));
            if (dataclasses && field != ConstructorField.REQUIRED) {
                args.add(field == ConstructorField.OPTIONAL ? "default=None" : "init=False");
            }
            out.append("    ").append(attribute).append(": ").append(mappedName).append('[').append(annotation).append("] = ")
                    .append(imports.use("sqlalchemy.orm", "mapped_column")).append('(').append(String.join(", ", args)).append(")\n");
        }
        if (!relations.isEmpty()) {
            out.append('\n');
            for (Relationships.Relationship relation : relations) {
                String target = Py.str(relation.target());
                String annotation = switch (relation.kind()) {
                    case MANY -> imports.use("typing", "List") + "[" + target + "]";
                    case OPTIONAL_ONE -> imports.use("typing", "Optional") + "[" + target + "]";
                    case ONE -> target;
                };
                List<String> args = new ArrayList<>(relation.arguments());
                if (dataclasses) {
                    // an object set to None in the constructor would clear the key column given beside it
                    args.add(relation.kind() == Relationships.Kind.MANY ? "default_factory=list" : "init=False");
                }
                out.append("    ").append(relation.attribute()).append(": ").append(mappedName).append('[').append(annotation)
                        .append("] = ").append(imports.use("sqlalchemy.orm", "relationship")).append('(')
                        .append(String.join(", ", args)).append(")\n");
            }
        }
        return out.toString().stripTrailing();
    }

    /** {@code (Constraint(...), {'comment': ...})}, a bare dict, or null when there is nothing. */
    static String tableArgs(Table table, Elements elements) {
        List<String> items = new ArrayList<>(elements.tableElements(table));
        Map<String, String> keywords = elements.tableKeywords(table);
        if (!keywords.isEmpty()) {
            List<String> entries = new ArrayList<>();
            keywords.forEach((key, value) -> entries.add(Py.str(key) + ": " + value));
            String dict = "{" + String.join(", ", entries) + "}";
            if (items.isEmpty()) {
                return dict;
            }
            items.add(dict);
        }
        if (items.isEmpty()) {
            return null;
        }
        return "(\n        " + String.join(",\n        ", items) + (items.size() == 1 ? "," : "") + "\n    )";
    }

    /**
     * Registers the import an annotation such as {@code datetime.date} or {@code Any} needs, also as the element of a
     * built-in generic such as {@code list[datetime.date]}.
     */
    static String annotation(String annotation, PyImports imports) {
        int open = annotation.indexOf('[');
        if (open > 0 && annotation.endsWith("]")) {
            annotation(annotation.substring(open + 1, annotation.length() - 1), imports);
            return annotation;
        }
        int dot = annotation.indexOf('.');
        if (dot > 0) {
            imports.module(annotation.substring(0, dot));
        } else if (annotation.equals("Any")) {
            imports.use("typing", "Any");
        }
        return annotation;
    }

    /** A table mapped to a class, with the Python attribute of each column. */
    record MappedClass(Table table, String name, Map<String, String> attributes, AttributeNames names) {
    }

    /** Which tables become classes (and their names) and which stay {@code Table} variables. */
    record Mapping(Map<Table, MappedClass> classes, Map<Table, String> tables) {

        /**
         * @param inflect class names from the singular of the table name ({@code use_inflect})
         * @param sqlModel attributes named under SQLModel's rule ({@link AttributeNames})
         */
        static Mapping of(SchemaModel model, UniqueNames moduleNames, boolean inflect, boolean sqlModel) {
            Map<Table, MappedClass> classes = new LinkedHashMap<>();
            Map<Table, String> tables = new LinkedHashMap<>();
            for (Table table : model.tables()) {
                String qualified = table.schema() == null ? table.name() : table.schema() + "_" + table.name();
                if (table.view() || table.primaryKey().isEmpty() || Relationships.isAssociation(model, table)) {
                    tables.put(table, moduleNames.claim("t_" + Py.identifier(qualified)));
                    continue;
                }
                AttributeNames attributes = new AttributeNames(sqlModel);
                Map<String, String> byColumn = new LinkedHashMap<>();
                // a column whose name is already its attribute keeps it: a renamed one (2fa -> _2fa) yields to it
                for (Column column : table.columns()) {
                    if (attributes.wanted(column.name()).equals(column.name())) {
                        byColumn.put(column.name(), attributes.claim(column.name()));
                    }
                }
                for (Column column : table.columns()) {
                    if (!byColumn.containsKey(column.name())) {
                        byColumn.put(column.name(), attributes.claim(Py.identifier(column.name())));
                    }
                }
                String className = Py.className(inflect ? Singular.of(qualified) : qualified);
                classes.put(table, new MappedClass(table, moduleNames.claim(className), byColumn, attributes));
            }
            return new Mapping(classes, tables);
        }
    }
}
