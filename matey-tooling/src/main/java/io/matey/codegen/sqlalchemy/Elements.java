package io.matey.codegen.sqlalchemy;

import io.matey.codegen.CodegenDialect;
import io.matey.codegen.model.CheckConstraint;
import io.matey.codegen.model.Column;
import io.matey.codegen.model.Exclusion;
import io.matey.codegen.model.ForeignKey;
import io.matey.codegen.model.Index;
import io.matey.codegen.model.Table;
import io.matey.codegen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parts of a table both SQLAlchemy generators write: column arguments, table-level constraints and indexes,
 * and table keywords. Single-column foreign keys go on their column, wider ones on the table, as sqlacodegen does.
 */
final class Elements {

    private final CodegenDialect dialect;
    private final PyImports imports;
    private final SqlAlchemyTypes types;
    private final Options options;

    Elements(CodegenDialect dialect, PyImports imports, SqlAlchemyTypes types, Options options) {
        this.dialect = dialect;
        this.imports = imports;
        this.types = types;
        this.options = options;
    }

    /**
     * A view's column of no declared type (a SQLite expression such as {@code count()}) holds whatever the
     * expression gives: {@code NullType}, as SQLAlchemy reflects it; a table's keeps its engine's mapping, which the
     * metadata can create.
     */
    SqlAlchemyTypes.PyType type(Table table, Column column) {
        return table.view() && column.type().declared().isEmpty() ? types.nullType() : types.map(column.type());
    }

    /** Positional arguments after the type: inline foreign keys, then identity, computed or sequence. */
    List<String> columnExtras(Table table, Column column) {
        List<String> extras = new ArrayList<>();
        if (options.constraints()) {
            for (ForeignKey fk : table.foreignKeys()) {
                if (fk.columns().equals(List.of(column.name()))) {
                    List<String> args = new ArrayList<>(List.of(Py.str(target(fk, fk.refColumns().get(0)))));
                    args.addAll(keyOptions(fk));
                    if (fk.name() != null) {
                        // MySQL also names the foreign key's implicit index after it.
                        args.add("name=" + Py.str(fk.name()));
                    }
                    extras.add(imports.sa("ForeignKey") + "(" + String.join(", ", args) + ")");
                }
            }
        }
        if (column.identity() != null) {
            Column.Identity identity = column.identity();
            extras.add(imports.sa("Identity") + "(" + (identity.always() ? "always=True, " : "") + "start="
                    + identity.start() + ", increment=" + identity.increment() + ")");
        }
        if (column.generated() != null) {
            extras.add(imports.sa("Computed") + "(" + Py.str(column.generated().expression()) + ", persisted="
                    + (column.generated().stored() ? "True" : "False") + ")");
        }
        if (column.sequence() != null) {
            extras.add(sequence(column.sequence()));
        }
        return extras;
    }

    /** Keyword arguments; {@code nullable} only where the caller cannot express it otherwise. */
    List<String> columnKeywords(Table table, Column column, boolean withNullable) {
        List<String> keywords = new ArrayList<>();
        if (table.isPrimaryKey(column.name())) {
            keywords.add("primary_key=True");
            if (generatesNoValues(table, column)) {
                keywords.add("autoincrement=False");
            } else if (column.autoincrement() && table.primaryKey().size() > 1) {
                // SQLAlchemy generates values only for a lone integer key unless a column says so (an
                // AUTO_INCREMENT column in a composite MySQL key, docs/architecture.md §3).
                keywords.add("autoincrement=True");
            }
        } else if (withNullable && !column.nullable()) {
            keywords.add("nullable=False");
        }
        if (column.serverDefault() != null) {
            keywords.add("server_default=" + imports.sa("text") + "(" + Py.str(column.serverDefault()) + ")");
        }
        if (options.comments() && column.comment() != null) {
            keywords.add("comment=" + Py.str(column.comment()));
        }
        return keywords;
    }

    /** A lone integer key the database fills from nothing, where SQLAlchemy's DDL would make it generate values. */
    private boolean generatesNoValues(Table table, Column column) {
        return dialect.sqlAlchemyAutoincrementsIntegerKeys() && table.primaryKey().size() == 1
                && !column.autoincrement() && column.identity() == null && column.sequence() == null
                && column.serverDefault() == null && column.generated() == null && type(table, column).annotation().equals("int");
    }

    /**
     * The primary key where its order is not the columns' (the columns' {@code primary_key=True} alone would
     * create it in column order) or it has a name of its own, multi-column foreign keys, unique, check and
     * exclusion constraints, then indexes.
     */
    List<String> tableElements(Table table) {
        List<String> elements = new ArrayList<>();
        List<String> inColumnOrder = table.columns().stream().map(Column::name).filter(table::isPrimaryKey).toList();
        if (!table.primaryKey().equals(inColumnOrder) || table.primaryKeyName() != null) {
            elements.add(imports.sa("PrimaryKeyConstraint") + "(" + table.primaryKey().stream().map(Py::str)
                    .collect(Collectors.joining(", ")) + (table.primaryKeyName() == null ? ""
                            : ", name=" + Py.str(table.primaryKeyName())) + ")");
        }
        if (options.constraints()) {
            table.foreignKeys().stream().filter(fk -> fk.columns().size() > 1)
                    .sorted(Comparator.comparing((ForeignKey fk) -> String.join(",", fk.columns())))
                    .forEach(fk -> elements.add(foreignKeyConstraint(fk)));
            table.uniques().stream().sorted(Comparator.comparing((UniqueConstraint u) -> u.name() == null ? "" : u.name())
                    .thenComparing(u -> String.join(",", u.columns()))).forEach(u -> elements.add(unique(u)));
            table.checks().forEach(c -> elements.add(check(c)));
            table.exclusions().stream().sorted((a, b) -> a.name().compareTo(b.name()))
                    .forEach(x -> elements.add(exclusion(x)));
        }
        if (options.indexes()) {
            table.indexes().stream().sorted(Comparator.comparing(Index::name)).forEach(i -> elements.add(index(i)));
        }
        return elements;
    }

    /** {@code comment}, {@code schema}, then the dialect's keywords of the table's options. */
    Map<String, String> tableKeywords(Table table) {
        Map<String, String> keywords = new LinkedHashMap<>();
        if (options.comments() && table.comment() != null) {
            keywords.put("comment", Py.str(table.comment()));
        }
        if (table.schema() != null) {
            keywords.put("schema", Py.str(table.schema()));
        }
        keywords.putAll(dialect.sqlAlchemyTableKeywords(table));
        return keywords;
    }

    private String foreignKeyConstraint(ForeignKey fk) {
        List<String> args = new ArrayList<>();
        args.add(Py.list(fk.columns()));
        args.add(Py.list(fk.refColumns().stream().map(c -> target(fk, c)).toList()));
        args.addAll(keyOptions(fk));
        if (fk.name() != null) {
            args.add("name=" + Py.str(fk.name()));
        }
        return imports.sa("ForeignKeyConstraint") + "(" + String.join(", ", args) + ")";
    }

    /** A foreign key's referential actions and deferrability. */
    private static List<String> keyOptions(ForeignKey fk) {
        List<String> args = new ArrayList<>();
        if (fk.onDelete() != null) {
            args.add("ondelete=" + Py.str(fk.onDelete()));
        }
        if (fk.onUpdate() != null) {
            args.add("onupdate=" + Py.str(fk.onUpdate()));
        }
        if (fk.deferrable()) {
            args.add("deferrable=True");
        }
        if (fk.initiallyDeferred()) {
            args.add("initially='DEFERRED'");
        }
        return args;
    }

    private static String target(ForeignKey fk, String column) {
        return (fk.refSchema() == null ? "" : fk.refSchema() + ".") + fk.refTable() + "." + column;
    }

    private String unique(UniqueConstraint unique) {
        List<String> args = unique.columns().stream().map(Py::str).collect(Collectors.toCollection(ArrayList::new));
        if (unique.name() != null) {
            args.add("name=" + Py.str(unique.name()));
        }
        if (unique.nullsNotDistinct()) {
            args.add(dialect.sqlAlchemyDialect() + "_nulls_not_distinct=True");
        }
        return imports.sa("UniqueConstraint") + "(" + String.join(", ", args) + ")";
    }

    /** {@code ExcludeConstraint((column, operator), ..., name=, using=, where=, ops=)}. */
    private String exclusion(Exclusion exclusion) {
        Map<String, String> ops = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        for (Exclusion.Element element : exclusion.elements()) {
            args.add("(" + keyPart(element.part(), ops) + ", " + Py.str(element.operator()) + ")");
        }
        args.add("name=" + Py.str(exclusion.name()));
        args.add("using=" + Py.str(exclusion.method()));
        if (exclusion.where() != null) {
            args.add("where=" + imports.sa("text") + "(" + Py.str(exclusion.where()) + ")");
        }
        if (!ops.isEmpty()) {
            args.add("ops=" + Py.dict(ops));
        }
        return imports.use("sqlalchemy.dialects." + dialect.sqlAlchemyDialect(), "ExcludeConstraint")
                + "(" + String.join(", ", args) + ")";
    }

    /**
     * One key part of an index or exclusion constraint; a column's options go to {@code ops} where the dialect
     * takes them so, a descending column elsewhere is {@code column(name).desc()}, and an expression carries its
     * options inside its {@code text(...)}.
     */
    private String keyPart(Index.Part part, Map<String, String> ops) {
        if (part.column() == null) {
            return imports.sa("text") + "(" + Py.str(part.expression()
                    + (part.options() == null ? "" : " " + part.options())) + ")";
        }
        if (part.options() == null) {
            return Py.str(part.column());
        }
        if (dialect.sqlAlchemyIndexOps()) {
            ops.put(part.column(), part.options());
            return Py.str(part.column());
        }
        if (!part.options().equals(Index.Part.DESC)) {
            throw new IllegalStateException("key part options '" + part.options() + "' of column " + part.column()
                    + " need " + dialect.sqlAlchemyDialect() + "_ops");
        }
        return imports.sa("column") + "(" + Py.str(part.column()) + ").desc()";
    }

    private String check(CheckConstraint check) {
        return imports.sa("CheckConstraint") + "(" + Py.str(check.expression())
                + (check.name() == null ? "" : ", name=" + Py.str(check.name())) + ")";
    }

    private String index(Index index) {
        List<String> args = new ArrayList<>();
        args.add(Py.str(index.name()));
        Map<String, String> ops = new LinkedHashMap<>();
        Map<String, Integer> lengths = new TreeMap<>(index.prefixes());
        for (Index.Part part : index.parts()) {
            if (!lengths.isEmpty() && part.column() != null && part.options() != null) {
                // SQLAlchemy's MySQL DDL looks up the name of every part in mysql_length, which column(...).desc()
                // lacks: the part is written out whole, with its own length
                Integer length = lengths.remove(part.column());
                args.add(imports.sa("literal_column") + "(" + Py.str(dialect.quoteIdentifier(part.column())
                        + (length == null ? "" : "(" + length + ")") + " " + part.options()) + ")");
            } else {
                args.add(keyPart(part, ops));
            }
        }
        if (index.unique()) {
            args.add("unique=True");
        }
        String prefix = dialect.sqlAlchemyDialect() + "_";
        if (index.nullsNotDistinct()) {
            args.add(prefix + "nulls_not_distinct=True");
        }
        if (index.where() != null) {
            args.add(prefix + "where=" + imports.sa("text") + "(" + Py.str(index.where()) + ")");
        }
        if (index.method() != null) {
            args.add(prefix + dialect.sqlAlchemyIndexMethodKeyword() + "=" + Py.str(index.method()));
        }
        if (!lengths.isEmpty()) {
            List<String> entries = new ArrayList<>();
            for (String column : lengths.keySet()) {
                entries.add(Py.str(column) + ": " + lengths.get(column));
            }
            args.add(prefix + "length={" + String.join(", ", entries) + "}");
        }
        if (!ops.isEmpty()) {
            // SQLAlchemy writes an entry right after its column, where the grammar has collation, operator class
            // and ordering alike (docs/architecture.md §3).
            args.add(prefix + "ops=" + Py.dict(ops));
        }
        if (!index.include().isEmpty()) {
            args.add(prefix + "include=" + Py.list(index.include()));
        }
        if (!index.storage().isEmpty()) {
            args.add(prefix + "with=" + Py.dict(index.storage()));
        }
        return imports.sa("Index") + "(" + String.join(", ", args) + ")";
    }

    /** {@code Sequence(name, schema=..., start=..., ...)} with the options the model knows. */
    private String sequence(Column.Sequence sequence) {
        List<String> args = new ArrayList<>(List.of(Py.str(sequence.name())));
        if (sequence.schema() != null) {
            args.add("schema=" + Py.str(sequence.schema()));
        }
        Map<String, Long> options = new LinkedHashMap<>();
        options.put("start", sequence.start());
        options.put("increment", sequence.increment());
        options.put("minvalue", sequence.minValue());
        options.put("maxvalue", sequence.maxValue());
        options.put("cache", sequence.cache());
        options.forEach((keyword, value) -> {
            if (value != null) {
                args.add(keyword + "=" + value);
            }
        });
        if (sequence.cycle()) {
            args.add("cycle=True");
        }
        return imports.sa("Sequence") + "(" + String.join(", ", args) + ")";
    }
}
