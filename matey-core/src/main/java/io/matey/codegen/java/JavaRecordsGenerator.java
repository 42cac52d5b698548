package io.matey.codegen.java;

import io.matey.codegen.CodegenDialect;
import io.matey.codegen.UniqueNames;
import io.matey.codegen.model.Column;
import io.matey.codegen.model.SchemaModel;
import io.matey.codegen.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code generator = "java-records"}: one immutable record per table and view, with a Java type per column and
 * its nullability documented (and visible: columns that cannot be null get primitives), plus {@code Tables},
 * the table and column names as constants for SQL that names them.
 */
public final class JavaRecordsGenerator {

    /** The constants class. */
    public static final String NAMES_CLASS = "Tables";

    /** Record components that would clash with the methods every record has. */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "toString", "notify", "notifyAll",
            "wait", "clone", "finalize");

    private final String javaPackage;
    private final boolean comments;

    public JavaRecordsGenerator(String javaPackage, Set<String> options) {
        this.javaPackage = javaPackage;
        this.comments = !options.contains("nocomments");
    }

    /** File name (within the package's directory) → source. */
    public Map<String, String> render(SchemaModel model) {
        UniqueNames typeNames = new UniqueNames(Set.of(NAMES_CLASS));
        Map<Table, String> records = new LinkedHashMap<>();
        for (Table table : model.tables()) {
            records.put(table, typeNames.claim(JavaText.typeName(qualified(table))));
        }
        Set<String> generatedTypes = new HashSet<>(records.values());
        generatedTypes.add(NAMES_CLASS);
        Map<String, String> files = new TreeMap<>();
        records.forEach((table, name) -> files.put(name + ".java", record(model.dialect(), table, name, generatedTypes)));
        files.put(NAMES_CLASS + ".java", names(records));
        return files;
    }

    private String record(CodegenDialect dialect, Table table, String name, Set<String> generatedTypes) {
        JavaImports imports = new JavaImports(generatedTypes);
        UniqueNames members = new UniqueNames(OBJECT_METHODS);
        List<String> components = new ArrayList<>();
        List<String> params = new ArrayList<>();
        for (Column column : table.columns()) {
            String member = members.claim(JavaText.memberName(column.name()));
            String type = imports.use(dialect.javaType(column.type()).forNullability(column.nullable()));
            components.add(type + " " + member);
            params.add(" * @param " + member + " " + describe(table, column));
        }
        StringBuilder doc = new StringBuilder("/**\n * A row of ").append(table.view() ? "view" : "table").append(" <code>")
                .append(JavaText.doc(qualified(table, "."))).append("</code>");
        if (comments && table.comment() != null) {
            doc.append(": ").append(JavaText.doc(table.comment()));
        }
        doc.append(".\n");
        if (!params.isEmpty()) {
            doc.append(" *\n").append(String.join("\n", params)).append('\n');
        }
        doc.append(" */\n");
        String body = components.isEmpty() ? "()" : "(\n        " + String.join(",\n        ", components) + ")";
        return header() + imports.render() + doc + "public record " + name + body + " {\n}\n";
    }

    private String describe(Table table, Column column) {
        StringBuilder out = new StringBuilder("column <code>").append(JavaText.doc(column.name())).append("</code> <code>")
                .append(JavaText.doc(column.type().declared())).append("</code>, ")
                .append(column.nullable() ? "nullable" : "not null");
        if (table.isPrimaryKey(column.name())) {
            out.append(", primary key");
        }
        if (column.identity() != null || column.autoincrement()) {
            out.append(", assigned by the database");
        } else if (column.generated() != null) {
            out.append(", generated from <code>").append(JavaText.doc(column.generated().expression())).append("</code>");
        } else if (column.serverDefault() != null || column.sequence() != null) {
            out.append(", has a default");
        }
        if (comments && column.comment() != null) {
            // labelled, so that the comment is not read as the generation expression or the default
            out.append("; comment: ").append(JavaText.doc(column.comment()));
        }
        return out.toString();
    }

    private String names(Map<Table, String> records) {
        StringBuilder out = new StringBuilder(header());
        out.append("/**\n * Table and column names of the schema, for SQL that names them.");
        if (records.isEmpty()) {
            out.append(" The schema has no tables or views.");
        }
        out.append("\n */\npublic final class ").append(NAMES_CLASS).append(" {\n\n    private ").append(NAMES_CLASS)
                .append("() {\n    }\n");
        records.forEach((table, name) -> {
            UniqueNames constants = new UniqueNames(Set.of("SCHEMA", "TABLE"));
            out.append("\n    /** ").append(table.view() ? "View" : "Table").append(" <code>")
                    .append(JavaText.doc(qualified(table, "."))).append("</code>. */\n");
            out.append("    public static final class ").append(name).append(" {\n");
            if (table.schema() != null) {
                out.append("        public static final String SCHEMA = ").append(JavaText.literal(table.schema())).append(";\n");
            }
            out.append("        public static final String TABLE = ").append(JavaText.literal(table.name())).append(";\n");
            for (Column column : table.columns()) {
                out.append("        public static final String ").append(constants.claim(JavaText.constantName(column.name())))
                        .append(" = ").append(JavaText.literal(column.name())).append(";\n");
            }
            out.append("\n        private ").append(name).append("() {\n        }\n    }\n");
        });
        return out.append("}\n").toString();
    }

    private String header() {
        return JavaText.MARKER + "\npackage " + javaPackage + ";\n\n";
    }

    private static String qualified(Table table) {
        return qualified(table, "_");
    }

    private static String qualified(Table table, String separator) {
        return table.schema() == null ? table.name() : table.schema() + separator + table.name();
    }
}
