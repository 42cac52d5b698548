package io.matey.testing.bigquery;

import io.matey.testing.bigquery.DoubleCatalog.Column;
import io.matey.testing.bigquery.DoubleCatalog.Dataset;
import io.matey.testing.bigquery.DoubleCatalog.Routine;
import io.matey.testing.bigquery.DoubleCatalog.Table;
import io.matey.testing.bigquery.DoubleTokens.Kind;
import io.matey.testing.bigquery.DoubleTokens.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The GoogleSQL the double executes, against its catalog: CREATE/DROP TABLE (with {@code PRIMARY KEY (...) NOT
 * ENFORCED}, a column's {@code DEFAULT} literal and {@code OPTIONS(description = ...)}, and after the columns
 * {@code PARTITION BY [DATE(]column[)]}, {@code CLUSTER BY} and {@code OPTIONS(description = ...)}), VIEW, FUNCTION, TABLE FUNCTION and SCHEMA, ALTER TABLE ADD/DROP COLUMN and ADD/DROP PRIMARY KEY, INSERT ... VALUES, UPDATE ... SET ... WHERE col = literal, DELETE and
 * TRUNCATE, single-table SELECTs (columns, WHERE col = literal, GROUP BY col HAVING COUNT(*) > n, ORDER BY columns, LIMIT)
 * over tables and INFORMATION_SCHEMA.TABLES/COLUMNS/ROUTINES/SEARCH_INDEXES/TABLE_CONSTRAINTS/KEY_COLUMN_USAGE,
 * ASSERT NOT EXISTS of such a SELECT, DELETE ... WHERE STRUCT(...) IN UNNEST(?) and one MERGE form (USING UNNEST(?),
 * WHEN MATCHED THEN UPDATE).
 * Conditions are TRUE or equalities joined by AND; values are literals or positional parameters of scalar types.
 * Everything else is refused with "does not implement".
 */
final class DoubleSql {

    record Field(String name, String type) {
    }

    record Result(String statementType, List<Field> schema, List<List<Object>> rows, long affectedRows) {
        static Result ddl(String type) {
            return new Result(type, List.of(), List.of(), 0);
        }
    }

    private static final Set<String> SCALAR_TYPES = Set.of("INT64", "FLOAT64", "NUMERIC", "BIGNUMERIC", "BOOL", "STRING",
            "BYTES", "DATE", "DATETIME", "TIME", "TIMESTAMP", "GEOGRAPHY", "JSON", "INTERVAL");
    private static final Set<String> KEY_TYPES = Set.of("BIGNUMERIC", "BOOL", "DATE", "DATETIME", "INT64", "NUMERIC",
            "STRING", "TIMESTAMP");
    private static final Map<String, String> TYPE_ALIASES = Map.of("INT", "INT64", "INTEGER", "INT64", "BIGINT", "INT64",
            "SMALLINT", "INT64", "TINYINT", "INT64", "BYTEINT", "INT64", "BOOLEAN", "BOOL", "DECIMAL", "NUMERIC",
            "BIGDECIMAL", "BIGNUMERIC");

    private final DoubleCatalog catalog;
    private final String project;
    private final String defaultDataset;
    private final DoubleTokens t;
    private final List<Parameter> parameters;
    private int nextParameter;

    /** A positional query parameter ({@code ?}): its GoogleSQL type and its value as the catalog keeps it (null for NULL). */
    record Parameter(String type, Object value) {
    }

    DoubleSql(DoubleCatalog catalog, String project, String defaultDataset, String sql, List<Parameter> parameters) {
        this.catalog = catalog;
        this.project = project;
        this.defaultDataset = defaultDataset;
        this.t = new DoubleTokens(sql);
        this.parameters = parameters;
    }

    Result run() {
        synchronized (catalog) {
            Result result = statement();
            if (!t.done()) {
                throw DoubleError.notImplemented("the statement part starting at \"" + t.rest() + "\"");
            }
            if (nextParameter != parameters.size()) {
                throw DoubleError.invalidQuery(parameters.size() + " positional parameters were given for "
                        + nextParameter + " placeholders");
            }
            return result;
        }
    }

    private Result statement() {
        if (t.accept("CREATE")) {
            boolean replace = t.accept("OR", "REPLACE");
            if (t.accept("SCHEMA")) {
                return createSchema();
            }
            if (t.accept("TABLE", "FUNCTION")) {
                return createRoutine(replace, "TABLE_FUNCTION");
            }
            if (t.accept("TABLE")) {
                return createTable(replace);
            }
            if (t.accept("VIEW")) {
                return createView(replace);
            }
            if (t.accept("FUNCTION")) {
                return createRoutine(replace, "SCALAR_FUNCTION");
            }
        } else if (t.accept("DROP")) {
            return drop();
        } else if (t.accept("ALTER", "TABLE")) {
            return alterTable();
        } else if (t.accept("INSERT")) {
            t.accept("INTO");
            return insert();
        } else if (t.accept("DELETE")) {
            t.accept("FROM");
            return delete();
        } else if (t.accept("TRUNCATE", "TABLE")) {
            Table table = baseTable(t.name());
            long count = table.rows.size();
            table.rows.clear();
            return new Result("TRUNCATE_TABLE", List.of(), List.of(), count);
        } else if (t.accept("UPDATE")) {
            return update();
        } else if (t.accept("MERGE")) {
            return merge();
        } else if (t.accept("SELECT")) {
            return select();
        } else if (t.accept("ASSERT", "NOT", "EXISTS", "(", "SELECT")) {
            return assertNotExists();
        }
        throw DoubleError.notImplemented("the statement \"" + t.rest() + "\"");
    }

    private Result createSchema() {
        boolean ifNotExists = t.accept("IF", "NOT", "EXISTS");
        List<String> name = t.name();
        String dsProject = name.size() == 2 ? name.get(0) : project;
        String ds = name.get(name.size() - 1);
        if (catalog.find(dsProject, ds) == null) {
            catalog.create(dsProject, ds, null);
        } else if (!ifNotExists) {
            throw DoubleError.duplicate("Dataset " + dsProject + ":" + ds);
        }
        return Result.ddl("CREATE_SCHEMA");
    }

    private Result createTable(boolean replace) {
        boolean ifNotExists = t.accept("IF", "NOT", "EXISTS");
        Target target = target(t.name());
        if (!t.accept("(")) {
            throw DoubleError.notImplemented("CREATE TABLE without a column list (\"" + t.rest() + "\")");
        }
        Table table = new Table(target.name, false);
        do {
            if (t.accept("PRIMARY", "KEY")) {
                primaryKey(table);
                continue;
            }
            if (t.peek().is("FOREIGN") || t.peek().is("CONSTRAINT")) {
                throw DoubleError.notImplemented("foreign keys and named constraints (\"" + t.rest() + "\")");
            }
            Column column = column();
            if (table.columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(column.name()))) {
                throw DoubleError.invalidQuery("Duplicate column name " + column.name() + " in CREATE TABLE");
            }
            table.columns.add(column);
        } while (t.accept(","));
        t.expect(")");
        tableOptions(table);
        if (place(target, table.name, replace, ifNotExists, false)) {
            target.dataset.tables.put(table.name, table);
        }
        return Result.ddl("CREATE_TABLE");
    }

    /**
     * {@code PRIMARY KEY (a, b) NOT ENFORCED}, after {@code PRIMARY KEY}: BigQuery keeps one unenforced key of at
     * most 16 top-level columns of the key types.
     */
    private void primaryKey(Table table) {
        if (!table.primaryKey.isEmpty()) {
            throw DoubleError.invalidQuery("Table " + table.name + " already has a primary key");
        }
        List<String> columns = new ArrayList<>();
        t.expect("(");
        do {
            Column column = table.column(t.identifier());
            if (!KEY_TYPES.contains(column.type().replaceAll("\\(.*", ""))) {
                throw DoubleError.invalidQuery("Primary key column " + column.name() + " has type " + column.type()
                        + ", which a primary key cannot have");
            }
            if (columns.contains(column.name())) {
                throw DoubleError.invalidQuery("Column " + column.name() + " is repeated in the primary key");
            }
            columns.add(column.name());
        } while (t.accept(","));
        t.expect(")");
        if (!t.accept("NOT", "ENFORCED")) {
            throw DoubleError.invalidQuery("Enforced primary keys are not supported: declare PRIMARY KEY (...) NOT ENFORCED");
        }
        if (columns.size() > 16) {
            throw DoubleError.invalidQuery("A primary key cannot have more than 16 columns");
        }
        table.primaryKey.addAll(columns);
    }

    /**
     * What may follow a table's column list, in this order: {@code PARTITION BY date_column} or {@code PARTITION BY
     * DATE(timestamp_column)} (daily time partitioning), {@code CLUSTER BY a, b}, {@code OPTIONS(description = '...')}.
     */
    private void tableOptions(Table table) {
        if (t.accept("PARTITION", "BY")) {
            // daily partitioning by a DATE column, or by DATE() of a TIMESTAMP or DATETIME column
            boolean date = t.accept("DATE", "(");
            Column column = table.column(t.identifier());
            if (date) {
                t.expect(")");
            }
            if (!(date ? Set.of("TIMESTAMP", "DATETIME") : Set.of("DATE")).contains(column.type())) {
                throw DoubleError.notImplemented("PARTITION BY other than a DATE column or DATE() of a TIMESTAMP or "
                        + "DATETIME column (" + column.name() + " " + column.type() + ")");
            }
            table.partitionColumn = column.name();
        }
        if (t.accept("CLUSTER", "BY")) {
            do {
                table.clustering.add(table.column(t.identifier()).name());
            } while (t.accept(","));
        }
        if (t.accept("OPTIONS")) {
            table.description = description();
        }
        if (!t.done()) {
            throw DoubleError.notImplemented("table options \"" + t.rest() + "\" (other than PARTITION BY, CLUSTER BY, "
                    + "OPTIONS(description), or AS)");
        }
    }

    /** {@code (description = 'text')}, after {@code OPTIONS}: the one option the double keeps. */
    private String description() {
        t.expect("(");
        if (!t.accept("DESCRIPTION")) {
            throw DoubleError.notImplemented("options other than description (\"" + t.rest() + "\")");
        }
        t.expect("=");
        Token text = t.next();
        if (text.kind() != Kind.STRING) {
            throw DoubleError.invalidQuery("description must be a string literal, not " + text.text());
        }
        t.expect(")");
        return text.text();
    }

    /** A column: name, type, {@code NOT NULL}, {@code DEFAULT} one literal, {@code OPTIONS(description = '...')}. */
    private Column column() {
        String name = t.identifier();
        String type = type();
        boolean notNull = t.accept("NOT", "NULL");
        String defaultValue = null;
        if (t.accept("DEFAULT")) {
            Token literal = t.next();
            defaultValue = t.sql.substring(literal.start(), literal.end());
        }
        String description = t.accept("OPTIONS") ? description() : null;
        if (!(t.done() || t.peek().isSymbol(",") || t.peek().isSymbol(")"))) {
            throw DoubleError.notImplemented("column options \"" + t.peek().text() + " ...\" on column " + name);
        }
        return new Column(name, type, notNull, defaultValue, description);
    }

    /** A type, normalised as BigQuery shows it ({@code INTEGER} becomes {@code INT64}). */
    private String type() {
        Token head = t.next();
        String base = TYPE_ALIASES.getOrDefault(head.upper(), head.upper());
        if (base.equals("ARRAY")) {
            t.expect("<");
            String element = type();
            t.expect(">");
            return "ARRAY<" + element + ">";
        }
        if (base.equals("STRUCT")) {
            t.expect("<");
            List<String> members = new ArrayList<>();
            do {
                String member = t.identifier();
                members.add(member + " " + type() + (t.accept("NOT", "NULL") ? " NOT NULL" : ""));
            } while (t.accept(","));
            t.expect(">");
            return "STRUCT<" + String.join(", ", members) + ">";
        }
        if (head.kind() != Kind.WORD || !SCALAR_TYPES.contains(base)) {
            throw DoubleError.invalidQuery("Type not found: " + head.text());
        }
        if (t.accept("(")) {
            StringBuilder parameters = new StringBuilder(t.next().text());
            while (t.accept(",")) {
                parameters.append(", ").append(t.next().text());
            }
            t.expect(")");
            return base + "(" + parameters + ")";
        }
        return base;
    }

    private Result createView(boolean replace) {
        boolean ifNotExists = t.accept("IF", "NOT", "EXISTS");
        Target target = target(t.name());
        t.expect("AS");
        String query = t.rest();
        checkSources(target.dataset);
        t.at = t.tokens.size();
        Table view = new Table(target.name, true);
        view.viewQuery = query;
        if (place(target, view.name, replace, ifNotExists, true)) {
            target.dataset.tables.put(view.name, view);
        }
        return Result.ddl("CREATE_VIEW");
    }

    /** BigQuery checks a view's sources when it is created; the double checks that the names after FROM/JOIN exist. */
    private void checkSources(Dataset dataset) {
        for (int i = t.at; i + 1 < t.tokens.size(); i++) {
            if (t.tokens.get(i).is("FROM") || t.tokens.get(i).is("JOIN")) {
                int saved = t.at;
                t.at = i + 1;
                if (t.peek().kind() == Kind.WORD || t.peek().kind() == Kind.QUOTED) {
                    Target source = target(t.name());
                    if (!source.name.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                        source.dataset.table(source.name);
                    }
                }
                t.at = saved;
            }
        }
    }

    private Result createRoutine(boolean replace, String type) {
        boolean ifNotExists = t.accept("IF", "NOT", "EXISTS");
        Target target = target(t.name());
        String afterName = t.rest();
        t.at = t.tokens.size();
        boolean exists = target.dataset.routines.containsKey(target.name);
        if (exists && !replace && !ifNotExists) {
            throw DoubleError.duplicate("Routine " + target.dataset.project + ":" + target.dataset.name + "." + target.name);
        }
        if (!exists || replace) {
            target.dataset.routines.put(target.name, new Routine(target.name, type, afterName));
        }
        return Result.ddl("CREATE_FUNCTION");
    }

    /** Whether a new object goes in; refuses duplicates as BigQuery does. */
    private boolean place(Target target, String name, boolean replace, boolean ifNotExists, boolean view) {
        Table existing = target.dataset.tables.get(name);
        if (existing == null || replace && existing.view == view) {
            return true;
        }
        if (ifNotExists) {
            return false;
        }
        throw DoubleError.duplicate((view ? "View " : "Table ") + target.dataset.project + ":" + target.dataset.name + "."
                + name);
    }

    private Result drop() {
        if (t.accept("SCHEMA")) {
            boolean ifExists = t.accept("IF", "EXISTS");
            List<String> name = t.name();
            boolean cascade = t.accept("CASCADE");
            t.accept("RESTRICT");
            String dsProject = name.size() == 2 ? name.get(0) : project;
            if (catalog.find(dsProject, name.get(name.size() - 1)) != null || !ifExists) {
                catalog.delete(dsProject, name.get(name.size() - 1), cascade);
            }
            return Result.ddl("DROP_SCHEMA");
        }
        String kind = t.accept("TABLE", "FUNCTION") ? "TABLE FUNCTION" : t.next().upper();
        boolean ifExists = t.accept("IF", "EXISTS");
        Target target = target(t.name());
        switch (kind) {
            case "TABLE", "VIEW" -> {
                Table table = target.dataset.tables.get(target.name);
                if (table == null) {
                    if (!ifExists) {
                        target.dataset.table(target.name);
                    }
                } else if (table.view != kind.equals("VIEW")) {
                    throw DoubleError.invalidQuery(target.name + " is a " + (table.view ? "view" : "table")
                            + "; use DROP " + (table.view ? "VIEW" : "TABLE"));
                } else {
                    target.dataset.tables.remove(target.name);
                }
            }
            case "FUNCTION", "TABLE FUNCTION" -> {
                if (target.dataset.routines.remove(target.name) == null && !ifExists) {
                    throw DoubleError.notFound("Function " + target.dataset.project + ":" + target.dataset.name + "."
                            + target.name);
                }
            }
            default -> throw DoubleError.notImplemented("DROP " + kind);
        }
        return Result.ddl("DROP_" + kind.replace(' ', '_'));
    }

    private Result alterTable() {
        Table table = baseTable(t.name());
        do {
            if (t.accept("ADD", "COLUMN")) {
                boolean ifNotExists = t.accept("IF", "NOT", "EXISTS");
                Column column = column();
                if (column.notNull()) {
                    throw DoubleError.invalidQuery("Column " + column.name() + " cannot be added as NOT NULL (REQUIRED)");
                }
                boolean exists = table.columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(column.name()));
                if (exists && !ifNotExists) {
                    throw DoubleError.invalidQuery("Column already exists: " + column.name());
                }
                if (!exists) {
                    table.columns.add(column);
                }
            } else if (t.accept("ADD", "PRIMARY", "KEY")) {
                primaryKey(table);
            } else if (t.accept("DROP", "PRIMARY", "KEY")) {
                if (!t.accept("IF", "EXISTS") && table.primaryKey.isEmpty()) {
                    throw DoubleError.invalidQuery("Table " + table.name + " has no primary key");
                }
                table.primaryKey.clear();
            } else if (t.accept("DROP", "COLUMN")) {
                boolean ifExists = t.accept("IF", "EXISTS");
                String name = t.identifier();
                if (table.primaryKey.stream().anyMatch(name::equalsIgnoreCase)) {
                    throw DoubleError.invalidQuery("Column " + name + " is part of the primary key of " + table.name
                            + "; drop the primary key first");
                }
                if (!table.columns.removeIf(c -> c.name().equalsIgnoreCase(name)) && !ifExists) {
                    throw DoubleError.invalidQuery("Column not found: " + name);
                }
                table.rows.forEach(row -> row.remove(name));
            } else {
                throw DoubleError.notImplemented("ALTER TABLE \"" + t.rest() + "\"");
            }
        } while (t.accept(","));
        return Result.ddl("ALTER_TABLE");
    }

    private Result insert() {
        Table table = baseTable(t.name());
        List<String> columns = new ArrayList<>();
        if (t.accept("(")) {
            do {
                columns.add(table.column(t.identifier()).name());
            } while (t.accept(","));
            t.expect(")");
        } else {
            table.columns.forEach(c -> columns.add(c.name()));
        }
        if (!t.accept("VALUES")) {
            throw DoubleError.notImplemented("INSERT without VALUES (\"" + t.rest() + "\")");
        }
        List<Map<String, Object>> added = new ArrayList<>();
        do {
            t.expect("(");
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    t.expect(",");
                }
                row.put(columns.get(i), value(table.column(columns.get(i))));
            }
            t.expect(")");
            added.add(DoubleValues.checked(table, row));
        } while (t.accept(","));
        table.rows.addAll(added);
        return new Result("INSERT", List.of(), List.of(), added.size());
    }

    /** A literal value: strings and typed literals ({@code DATE '...'}) keep their text, NULL is null. */
    private Object literal() {
        if (t.accept("?")) {
            return parameter().value();
        }
        Token token = t.next();
        if (token.kind() == Kind.STRING || token.kind() == Kind.NUMBER) {
            return token.text();
        }
        if (token.is("NULL")) {
            return null;
        }
        if (token.is("TRUE") || token.is("FALSE")) {
            return token.text().toLowerCase(Locale.ROOT);
        }
        if (token.kind() == Kind.WORD && t.peek().kind() == Kind.STRING
                && Set.of("DATE", "DATETIME", "TIME", "TIMESTAMP", "NUMERIC", "BIGNUMERIC", "JSON").contains(token.upper())) {
            return t.next().text();
        }
        throw DoubleError.notImplemented("the expression \"" + token.text() + "\" (only literals)");
    }

    /** A value for a column: a literal checked against its type, or a positional parameter of a type it takes. */
    private Object value(Column column) {
        if (t.accept("?")) {
            Parameter parameter = parameter();
            return DoubleValues.typedParameter(column, parameter.type(), parameter.value());
        }
        return DoubleValues.typed(column, t.peek(), literal());
    }

    private Parameter parameter() {
        if (nextParameter == parameters.size()) {
            throw DoubleError.invalidQuery("Positional parameter " + (nextParameter + 1) + " was not given");
        }
        return parameters.get(nextParameter++);
    }

    /** {@code TRUE}, or {@code a = b [AND ...]} where each side is a column or a literal. */
    private Predicate<Map<String, Object>> condition(UnaryOperator<String> column) {
        if (t.accept("TRUE")) {
            return row -> true;
        }
        Predicate<Map<String, Object>> condition = comparison(column);
        while (t.accept("AND")) {
            condition = condition.and(comparison(column));
        }
        return condition;
    }

    private Predicate<Map<String, Object>> comparison(UnaryOperator<String> column) {
        Function<Map<String, Object>, Object> left = operand(column);
        t.expect("=");
        Function<Map<String, Object>, Object> right = operand(column);
        return row -> DoubleValues.equal(left.apply(row), right.apply(row));
    }

    private Function<Map<String, Object>, Object> operand(UnaryOperator<String> column) {
        Token next = t.peek();
        boolean literalWord = next.is("NULL") || next.is("TRUE") || next.is("FALSE") || t.peekAfter().kind() == Kind.STRING;
        if (next.kind() == Kind.WORD && !literalWord || next.kind() == Kind.QUOTED) {
            String name = column.apply(t.identifier());
            return row -> row.get(name);
        }
        Object value = literal();
        return row -> value;
    }

    private Result delete() {
        Table table = baseTable(t.name());
        t.expect("WHERE");
        long before = table.rows.size();
        table.rows.removeIf(t.accept("STRUCT", "(") ? structIn(table) : condition(c -> table.column(c).name()));
        return new Result("DELETE", List.of(), List.of(), before - table.rows.size());
    }

    /**
     * {@code STRUCT(a, b) IN UNNEST(?)}, after {@code STRUCT(}: whether a row's columns equal, field by field, one of
     * the elements of an {@code ARRAY<STRUCT>} parameter whose fields have the columns' types.
     */
    private Predicate<Map<String, Object>> structIn(Table table) {
        List<Column> columns = new ArrayList<>();
        do {
            columns.add(table.column(t.identifier()));
        } while (t.accept(","));
        t.expect(")");
        if (!t.accept("IN", "UNNEST", "(", "?")) {
            throw DoubleError.notImplemented("STRUCT(...) other than in STRUCT(...) IN UNNEST(?) (\"" + t.rest() + "\")");
        }
        Parameter parameter = parameter();
        t.expect(")");
        List<String> memberTypes = List.copyOf(structMembers(parameter, "IN UNNEST").values());
        for (int i = 0; i < columns.size(); i++) {
            if (columns.size() != memberTypes.size() || !DoubleTypes.unparameterised(columns.get(i).type()).equals(memberTypes.get(i))) {
                throw DoubleError.invalidQuery("No matching signature for operator IN UNNEST for argument types STRUCT of "
                        + columns.stream().map(Column::type).toList() + " and " + parameter.type());
            }
        }
        List<List<Object>> keys = elements(parameter).stream().map(e -> List.copyOf(e.values())).toList();
        return row -> keys.stream().anyMatch(key -> IntStream.range(0, columns.size())
                .allMatch(i -> DoubleValues.equal(row.get(columns.get(i).name()), key.get(i))));
    }

    /** The member types of an {@code ARRAY<STRUCT<...>>} parameter; any other type is refused. */
    private static Map<String, String> structMembers(Parameter parameter, String use) {
        if (!DoubleTypes.isArray(parameter.type()) || !DoubleTypes.isStruct(DoubleTypes.element(parameter.type()))) {
            throw DoubleError.invalidQuery(use + " takes an ARRAY<STRUCT<...>> parameter here, not " + parameter.type());
        }
        return DoubleTypes.members(DoubleTypes.element(parameter.type()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> elements(Parameter parameter) {
        return (List<Map<String, Object>>) parameter.value();
    }

    /**
     * {@code MERGE t [AS T] USING UNNEST(?) AS S ON T.k = S.f [AND ...] WHEN MATCHED THEN UPDATE SET c = S.f[, ...]}:
     * the one MERGE form the double runs. A target row matching more than one source row fails, as in BigQuery.
     */
    private Result merge() {
        t.accept("INTO");
        Table table = baseTable(t.name());
        String target = t.accept("AS") ? t.identifier() : table.name;
        t.expect("USING");
        if (!t.accept("UNNEST", "(", "?")) {
            throw DoubleError.notImplemented("MERGE from anything but UNNEST(?) (\"" + t.rest() + "\")");
        }
        Parameter source = parameter();
        t.expect(")");
        t.expect("AS");
        String alias = t.identifier();
        Map<String, String> members = structMembers(source, "MERGE ... USING UNNEST");
        t.expect("ON");
        Map<String, String> on = new LinkedHashMap<>(); // target column -> source field
        do {
            List<String> left = t.name();
            t.expect("=");
            List<String> right = t.name();
            boolean targetFirst = left.size() == 2 && left.get(0).equalsIgnoreCase(target);
            List<String> column = targetFirst ? left : right;
            List<String> field = targetFirst ? right : left;
            if (column.size() != 2 || !column.get(0).equalsIgnoreCase(target) || field.size() != 2
                    || !field.get(0).equalsIgnoreCase(alias) || !members.containsKey(field.get(1))) {
                throw DoubleError.notImplemented("MERGE conditions other than " + target + ".column = " + alias + ".field");
            }
            Column keyColumn = table.column(column.get(1));
            if (!DoubleTypes.unparameterised(keyColumn.type()).equals(members.get(field.get(1)))) {
                throw DoubleError.invalidQuery("No matching signature for operator = for argument types "
                        + keyColumn.type() + " and " + members.get(field.get(1)));
            }
            on.put(keyColumn.name(), field.get(1));
        } while (t.accept("AND"));
        if (!t.accept("WHEN", "MATCHED", "THEN", "UPDATE", "SET")) {
            throw DoubleError.notImplemented("MERGE clauses other than WHEN MATCHED THEN UPDATE SET (\"" + t.rest() + "\")");
        }
        Map<Column, String> set = new LinkedHashMap<>();
        do {
            Column column = table.column(t.identifier());
            t.expect("=");
            List<String> field = t.name();
            if (field.size() != 2 || !field.get(0).equalsIgnoreCase(alias) || !members.containsKey(field.get(1))) {
                throw DoubleError.notImplemented("MERGE assignments other than column = " + alias + ".field");
            }
            set.put(column, field.get(1));
        } while (t.accept(","));
        Map<Map<String, Object>, Map<String, Object>> updates = new IdentityHashMap<>();
        for (Map<String, Object> row : table.rows) {
            List<Map<String, Object>> matches = elements(source).stream().filter(s -> on.entrySet().stream()
                    .allMatch(k -> DoubleValues.equal(row.get(k.getKey()), s.get(k.getValue())))).toList();
            if (matches.size() > 1) {
                throw DoubleError.invalidQuery("UPDATE/MERGE must match at most one source row for each target row");
            }
            if (matches.size() == 1) {
                Map<String, Object> updated = new LinkedHashMap<>(row);
                set.forEach((column, field) -> updated.put(column.name(), DoubleValues.typedParameter(column,
                        members.get(field), matches.get(0).get(field))));
                updates.put(row, DoubleValues.checked(table, updated));
            }
        }
        updates.forEach(Map::putAll);
        return new Result("MERGE", List.of(), List.of(), updates.size());
    }

    /** {@code UPDATE t SET c = value[, ...] WHERE condition}. */
    private Result update() {
        Table table = baseTable(t.name());
        t.expect("SET");
        Map<String, Object> set = new LinkedHashMap<>();
        do {
            Column column = table.column(t.identifier());
            t.expect("=");
            set.put(column.name(), value(column));
        } while (t.accept(","));
        t.expect("WHERE");
        Predicate<Map<String, Object>> where = condition(c -> table.column(c).name());
        long changed = 0;
        for (Map<String, Object> row : table.rows) {
            if (where.test(row)) {
                Map<String, Object> updated = new LinkedHashMap<>(row);
                updated.putAll(set);
                DoubleValues.checked(table, updated);
                row.putAll(set);
                changed++;
            }
        }
        return new Result("UPDATE", List.of(), List.of(), changed);
    }

    /** {@code ASSERT NOT EXISTS (SELECT ...) AS 'message'}: fails with BigQuery's "Assertion failed" when rows exist. */
    private Result assertNotExists() {
        Result rows = select();
        t.expect(")");
        t.expect("AS");
        Token message = t.next();
        if (message.kind() != Kind.STRING) {
            throw DoubleError.notImplemented("ASSERT without a message literal");
        }
        if (!rows.rows().isEmpty()) {
            throw DoubleError.invalidQuery("Assertion failed: " + message.text());
        }
        return Result.ddl("ASSERT");
    }

    private Result select() {
        List<Object> items = new ArrayList<>();
        do {
            if (t.accept("*")) {
                items.add("*");
            } else if (t.peek().kind() == Kind.STRING) {
                items.add(t.next());
            } else {
                items.add(t.identifier());
            }
        } while (t.accept(","));
        t.expect("FROM");
        List<String> name = t.name();
        Rows source = name.size() >= 2 && name.get(name.size() - 2).equalsIgnoreCase("INFORMATION_SCHEMA")
                ? new DoubleInformationSchema(catalog, project).rows(name) : tableRows(baseTable(name));
        List<Map<String, Object>> rows = new ArrayList<>(source.rows);
        if (t.accept("WHERE")) {
            rows.removeIf(condition(c -> c).negate());
        }
        if (t.accept("GROUP", "BY")) {
            rows = groupsHaving(rows, t.identifier());
        }
        if (t.accept("ORDER", "BY")) {
            Comparator<Map<String, Object>> order = null;
            do {
                Comparator<Map<String, Object>> next = order(source, t.identifier());
                next = t.accept("DESC") ? next.reversed() : next;
                t.accept("ASC");
                order = order == null ? next : order.thenComparing(next);
            } while (t.accept(","));
            rows.sort(order);
        }
        if (t.accept("LIMIT")) {
            rows = rows.subList(0, Math.min(rows.size(), Integer.parseInt(t.next().text())));
        }
        List<Field> schema = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Token literal) {
                keys.add("'" + literal.text());
                schema.add(new Field("f" + (schema.size()) + "_", "STRING"));
            } else if (item.equals("*")) {
                source.schema.forEach(f -> {
                    keys.add(f.name());
                    schema.add(f);
                });
            } else {
                Field field = source.schema.stream().filter(f -> f.name().equalsIgnoreCase((String) item)).findFirst()
                        .orElseThrow(() -> DoubleError.invalidQuery("Unrecognized name: " + item));
                keys.add(field.name());
                schema.add(field);
            }
        }
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                values.add(key.startsWith("'") ? key.substring(1) : DoubleValues.rendered(schema.get(i).type(), row.get(key)));
            }
            out.add(values);
        }
        return new Result("SELECT", schema, out, 0);
    }

    /** Ascending by a column's values: numbers by value, others by text, NULL first (BigQuery's order). */
    private static Comparator<Map<String, Object>> order(Rows source, String column) {
        boolean numeric = source.schema.stream().anyMatch(f -> f.name().equals(column)
                && Set.of("INT64", "FLOAT64", "NUMERIC", "BIGNUMERIC").contains(f.type().replaceAll("\\(.*", "")));
        return Comparator.comparing(row -> row.get(column), Comparator.nullsFirst(numeric
                ? Comparator.comparing((Object v) -> new BigDecimal(v.toString())) : Comparator.comparing(Object::toString)));
    }

    /** {@code GROUP BY c HAVING COUNT(*) > n}: one row (holding c) per value of c that occurs more than n times. */
    private List<Map<String, Object>> groupsHaving(List<Map<String, Object>> rows, String column) {
        if (!t.accept("HAVING", "COUNT", "(", "*", ")", ">") || t.peek().kind() != Kind.NUMBER) {
            throw DoubleError.notImplemented("GROUP BY without HAVING COUNT(*) > n (\"" + t.rest() + "\")");
        }
        long least = Long.parseLong(t.next().text());
        Map<Object, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.merge(row.get(column), 1L, Long::sum));
        List<Map<String, Object>> groups = new ArrayList<>();
        counts.forEach((value, count) -> {
            if (count > least) {
                Map<String, Object> group = new LinkedHashMap<>();
                group.put(column, value);
                groups.add(group);
            }
        });
        return groups;
    }

    record Rows(List<Field> schema, List<Map<String, Object>> rows) {
    }

    private static Rows tableRows(Table table) {
        return new Rows(table.columns.stream().map(c -> new Field(c.name(), c.type())).toList(), table.rows);
    }

    private record Target(Dataset dataset, String name) {
    }

    /** Resolves {@code t}, {@code ds.t}, {@code p.ds.t} against the request's project and default dataset. */
    private Target target(List<String> name) {
        return switch (name.size()) {
            case 1 -> {
                if (defaultDataset == null) {
                    throw DoubleError.invalidQuery("Table \"" + name.get(0)
                            + "\" must be qualified with a dataset (e.g. dataset.table).");
                }
                yield new Target(catalog.get(project, defaultDataset), name.get(0));
            }
            case 2 -> new Target(catalog.get(project, name.get(0)), name.get(1));
            case 3 -> new Target(catalog.get(name.get(0), name.get(1)), name.get(2));
            default -> throw DoubleError.notImplemented("the name " + String.join(".", name));
        };
    }

    private Table baseTable(List<String> name) {
        Target target = target(name);
        Table table = target.dataset.table(target.name);
        if (table.view) {
            throw DoubleError.notImplemented("reading or writing through view " + target.name);
        }
        return table;
    }

    static Table tableForInsertAll(DoubleCatalog catalog, String project, String dataset, String table) {
        Table found = catalog.get(project, dataset).table(table);
        if (found.view) {
            throw DoubleError.invalidQuery("Cannot insert into view " + table);
        }
        return found;
    }
}
