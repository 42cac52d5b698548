package io.matey.lint;

import io.matey.lint.SchemaChange.AddColumn;
import io.matey.lint.SchemaChange.AddUnique;
import io.matey.lint.SchemaChange.ClearColumn;
import io.matey.lint.SchemaChange.CopyRows;
import io.matey.lint.SchemaChange.CreateInnerTableView;
import io.matey.lint.SchemaChange.CreateIndex;
import io.matey.lint.SchemaChange.CreateSchema;
import io.matey.lint.SchemaChange.CreateTable;
import io.matey.lint.SchemaChange.CreateType;
import io.matey.lint.SchemaChange.DeleteAll;
import io.matey.lint.SchemaChange.DropColumn;
import io.matey.lint.SchemaChange.DropPartition;
import io.matey.lint.SchemaChange.DropSchema;
import io.matey.lint.SchemaChange.DropSystemVersioning;
import io.matey.lint.SchemaChange.DropTable;
import io.matey.lint.SchemaChange.DropView;
import io.matey.lint.SchemaChange.ExchangeTables;
import io.matey.lint.SchemaChange.MoveTable;
import io.matey.lint.SchemaChange.RenameColumn;
import io.matey.lint.SchemaChange.RenameEnumValue;
import io.matey.lint.SchemaChange.RenameSchema;
import io.matey.lint.SchemaChange.RenameTable;
import io.matey.lint.SchemaChange.ReplacePartition;
import io.matey.lint.SchemaChange.ReplaceTable;
import io.matey.lint.SchemaChange.SetNotNull;
import io.matey.lint.SchemaChange.Truncate;
import io.matey.migration.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Turns a parsed statement into the schema changes the safety rules need.
 *
 * <p>Which object a statement creates, drops or truncates is read from its keyword head in the token stream:
 * JSqlParser 5.3's grammar rejects much PostgreSQL, MySQL and SQLite syntax after that head ({@code CONCURRENTLY},
 * {@code ON ONLY}, {@code INCLUDE}, partial-index predicates, unnamed indexes, {@code PARTITION BY},
 * {@code EXCLUDE}, {@code STRICT}, name lists in {@code DROP TABLE a, b}) and would hide the change. What an
 * {@code ALTER TABLE} or {@code RENAME TABLE} does needs its clauses, so those come from the syntax tree; when the
 * grammar rejects them, only renames and added unique constraints are read from the tokens, whose clauses are just
 * names and keywords.
 */
final class ChangeReader {

    private static final Set<String> SERIAL_TYPES = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
            "serial8");
    /** Column specs that give a new column a value for existing rows. */
    private static final Set<String> VALUE_SPECS = Set.of("DEFAULT", "GENERATED", "AS", "AUTO_INCREMENT",
            "AUTOINCREMENT", "IDENTITY", "MATERIALIZED", "ALIAS", "EPHEMERAL");

    private ChangeReader() {
    }

    /** The statements whose changes are read; others (and an INSERT not mentioning FROM) are not lexed beyond their head. */
    private static final Set<String> CHANGING = Set.of("CREATE", "DROP", "TRUNCATE", "DELETE", "INSERT", "ALTER",
            "RENAME", "EXCHANGE");

    static List<SchemaChange> read(ParsedStatement statement) {
        List<Token> first = statement.head(1);
        if (first.isEmpty() || !CHANGING.contains(first.get(0).image.toUpperCase(Locale.ROOT))
                || TokenCursor.is(first.get(0), "INSERT") && !statement.mentions("FROM")) {
            return List.of();
        }
        TokenCursor head = new TokenCursor(statement.tokens());
        if (head.accept("CREATE")) {
            return created(head);
        }
        if (head.accept("DROP")) {
            return dropped(head);
        }
        if (head.accept("TRUNCATE")) {
            head.accept("TABLE");
            head.accept("ONLY");
            if (head.accept("IF")) {
                head.accept("EXISTS"); // ClickHouse's TRUNCATE TABLE IF EXISTS t
            }
            return head.names().stream().<SchemaChange>map(Truncate::new).toList();
        }
        if (head.accept("DELETE", "FROM")) {
            head.accept("ONLY");
            String table = head.name();
            return table == null || head.containsAtTopLevel("WHERE") || head.containsAtTopLevel("USING")
                    || head.containsAtTopLevel("LIMIT") ? List.of() : List.of(new DeleteAll(table));
        }
        if (head.accept("INSERT")) {
            head.skipAll("IGNORE", "OR", "REPLACE", "ABORT", "FAIL", "ROLLBACK");
            head.accept("INTO");
            String table = head.name();
            return table == null ? List.of() : copiedFrom(head, table);
        }
        if (head.accept("ALTER", "TABLE")) {
            List<SchemaChange> moved = movedByHead(statement);
            if (!moved.isEmpty()) {
                return moved;
            }
            List<SchemaChange> byHead = alteredByHead(head);
            if (statement.tree().isEmpty()) {
                return byHead;
            }
            List<SchemaChange> byText = byHead.stream()
                    .filter(c -> c instanceof ClearColumn || c instanceof ReplacePartition).toList();
            if (byText.isEmpty()) {
                return fromTree(statement.tree().get());
            }
            // JSqlParser keeps a clause it does not know as text (ClickHouse's CLEAR COLUMN, REPLACE PARTITION), and
            // with it every clause after it: each clause is then read as an ALTER TABLE of its own
            List<String> clauses = alterClauses(statement);
            if (clauses.size() > 2) {
                List<SchemaChange> changes = new ArrayList<>();
                for (String clause : clauses.subList(1, clauses.size())) {
                    changes.addAll(read(ParsedStatement.of(new SqlStatement(clauses.get(0) + " " + clause,
                            statement.line()))));
                }
                return changes;
            }
            List<SchemaChange> changes = new ArrayList<>(fromTree(statement.tree().get()));
            changes.addAll(byText);
            return changes;
        }
        if (head.accept("ALTER", "SCHEMA")) {
            String schema = head.name();
            return schema != null && head.accept("RENAME", "TO")
                    ? single(head.name(), name -> new RenameSchema(schema, name)) : List.of();
        }
        if (head.accept("ALTER", "TYPE")) {
            return enumValueRenamed(head);
        }
        if (head.accept("EXCHANGE", "TABLES")) {
            String table = head.name();
            return table == null || !head.accept("AND") ? List.of()
                    : single(head.name(), other -> new ExchangeTables(table, other));
        }
        if (head.accept("RENAME", "TABLE")) {
            return statement.tree().map(ChangeReader::fromTree).orElseGet(() -> tablesRenamedByHead(head));
        }
        return List.of();
    }

    private static List<SchemaChange> created(TokenCursor head) {
        boolean replace = head.accept("OR", "REPLACE");
        head.skipAll("GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED");
        if (head.accept("TABLE")) {
            head.accept("IF", "NOT", "EXISTS");
            String table = head.name();
            if (table == null) {
                return List.of();
            }
            List<SchemaChange> changes = new ArrayList<>();
            if (replace) {
                changes.add(new ReplaceTable(table));
            }
            changes.add(new CreateTable(table, head.containsAtTopLevel("PARTITION", "BY")));
            changes.addAll(copiedFrom(head, table));
            return changes;
        }
        if (head.acceptAny("SCHEMA", "DATABASE")) {
            head.accept("IF", "NOT", "EXISTS");
            return single(head.name(), CreateSchema::new);
        }
        if (head.accept("TYPE")) {
            return single(head.name(), CreateType::new);
        }
        if (head.accept("MATERIALIZED", "VIEW")) {
            head.accept("IF", "NOT", "EXISTS");
            String view = head.name();
            if (view == null) {
                return List.of();
            }
            // ClickHouse's view writing to a table of its own choosing names it (after any ON CLUSTER) first
            if (head.accept("ON", "CLUSTER")) {
                head.name();
            }
            return head.peek("TO") ? List.of(new CreateTable(view))
                    : List.of(new CreateTable(view), new CreateInnerTableView(view));
        }
        boolean unique = head.accept("UNIQUE");
        head.acceptAny("FULLTEXT", "SPATIAL");
        if (!head.accept("INDEX")) {
            return List.of();
        }
        boolean concurrently = head.accept("CONCURRENTLY");
        head.accept("IF", "NOT", "EXISTS");
        String name = head.peek("ON") ? null : head.name();
        if (!head.accept("ON")) {
            return List.of();
        }
        boolean only = head.accept("ONLY");
        String table = head.name();
        return table == null ? List.of() : List.of(new CreateIndex(table, name, unique, concurrently, only));
    }

    /**
     * The copy a statement writing {@code table} makes from the table after its first {@code FROM} outside
     * parentheses ({@code ... SELECT ... FROM source}); none for {@code VALUES} or a column list alone.
     */
    private static List<SchemaChange> copiedFrom(TokenCursor rest, String table) {
        return rest.skipPastTopLevel("FROM") ? single(rest.name(), source -> new CopyRows(table, source)) : List.of();
    }

    private static List<SchemaChange> dropped(TokenCursor head) {
        if (head.accept("VIEW")) {
            head.accept("IF", "EXISTS");
            return head.names().stream().<SchemaChange>map(DropView::new).toList();
        }
        if (head.accept("TABLE")) {
            head.accept("IF", "EXISTS");
            return head.names().stream().<SchemaChange>map(DropTable::new).toList();
        }
        if (head.acceptAny("SCHEMA", "DATABASE")) {
            head.accept("IF", "EXISTS");
            return head.names().stream().<SchemaChange>map(DropSchema::new).toList();
        }
        return List.of();
    }

    /** PostgreSQL's {@code ALTER TYPE t RENAME VALUE 'old' TO 'new'}, read after {@code ALTER TYPE}; else empty. */
    private static List<SchemaChange> enumValueRenamed(TokenCursor head) {
        String type = head.name();
        String value = type != null && head.accept("RENAME", "VALUE") ? head.literal() : null;
        String newValue = value != null && head.accept("TO") ? head.literal() : null;
        return newValue == null ? List.of() : List.of(new RenameEnumValue(type, value, newValue));
    }

    /**
     * PostgreSQL's {@code ALTER TABLE [IF EXISTS] [ONLY] t SET SCHEMA s}, which JSqlParser 5.3 parses without its
     * schema, so it is read from the tokens; empty for any other statement.
     */
    private static List<SchemaChange> movedByHead(ParsedStatement statement) {
        if (!statement.contains("SCHEMA")) {
            return List.of();
        }
        TokenCursor head = new TokenCursor(statement.tokens());
        head.accept("ALTER", "TABLE");
        head.accept("IF", "EXISTS");
        head.accept("ONLY");
        String table = head.name();
        return table != null && head.accept("SET", "SCHEMA") ? single(head.name(), s -> new MoveTable(table, s))
                : List.of();
    }

    /**
     * An {@code ALTER TABLE}'s head ({@code ALTER TABLE [IF EXISTS] [ONLY] t}), then each of its top-level clauses,
     * as their tokens are written.
     */
    private static List<String> alterClauses(ParsedStatement statement) {
        List<Token> tokens = statement.tokens();
        TokenCursor cursor = new TokenCursor(tokens);
        cursor.accept("ALTER", "TABLE");
        cursor.accept("IF", "EXISTS");
        cursor.accept("ONLY");
        cursor.name();
        StringBuilder head = new StringBuilder();
        for (Token token : tokens.subList(0, cursor.position())) {
            head.append(head.isEmpty() ? "" : " ").append(token.image);
        }
        List<String> clauses = new ArrayList<>(List.of(head.toString()));
        do {
            clauses.add(cursor.textToTopLevel(","));
        } while (cursor.accept(","));
        return clauses;
    }

    /** An {@code ALTER TABLE} the grammar rejects, read from the tokens after {@code ALTER TABLE}. */
    private static List<SchemaChange> alteredByHead(TokenCursor head) {
        head.accept("IF", "EXISTS");
        head.accept("ONLY");
        String table = head.name();
        if (table == null) {
            return List.of();
        }
        return head.accept("RENAME") ? renamedByHead(head, table) : clausesByHead(head, table);
    }

    /**
     * A rename the grammar rejects, read from the tokens after {@code RENAME}: JSqlParser 5.3 takes some keywords
     * (such as {@code PLAN}) for names nowhere but in its own list, so {@code RENAME COLUMN tier TO plan} would hide
     * the rename.
     */
    private static List<SchemaChange> renamedByHead(TokenCursor head, String table) {
        if (head.accept("TO")) {
            return single(head.name(), name -> new RenameTable(table, name));
        }
        if (head.peek("CONSTRAINT") || head.peek("INDEX") || head.peek("KEY")) {
            return List.of();
        }
        head.accept("COLUMN");
        head.accept("IF", "EXISTS"); // MariaDB's RENAME COLUMN IF EXISTS
        String column = head.name();
        return column == null || !head.accept("TO") ? List.of()
                : single(head.name(), name -> new RenameColumn(table, column, name));
    }

    /**
     * The unique constraints added, the columns renamed and the partitions dropped by clauses the grammar rejects:
     * JSqlParser 5.3 rejects MySQL's {@code ADD UNIQUE u (email)}, a name with neither {@code KEY} nor
     * {@code INDEX}, MariaDB's {@code CHANGE [COLUMN] IF EXISTS a b ...}, and ClickHouse's partition expressions
     * ({@code DROP PARTITION 202401}, {@code DROP PART 'all_1_1_0'}), which would hide the change, and with it any
     * other clause of the statement; and MariaDB's {@code DROP SYSTEM VERSIONING}. Reads each top-level clause's
     * head.
     */
    private static List<SchemaChange> clausesByHead(TokenCursor head, String table) {
        List<SchemaChange> changes = new ArrayList<>();
        do {
            DropPartition partition;
            if (head.accept("DROP", "SYSTEM", "VERSIONING")) {
                changes.add(new DropSystemVersioning(table));
            } else if (head.accept("CLEAR", "COLUMN")) {
                head.accept("IF", "EXISTS");
                String column = head.name();
                if (column != null) {
                    changes.add(new ClearColumn(table, column));
                }
            } else if (head.accept("REPLACE", "PARTITION")) {
                changes.add(new ReplacePartition(table, "partition " + head.textToTopLevel("FROM").strip()));
            } else if ((partition = partitionDroppedByHead(head, table)) != null) {
                changes.add(partition);
            } else if (addsUnique(head)) {
                changes.add(new AddUnique(table, false));
            } else if (head.accept("CHANGE")) {
                changes.addAll(changedColumnRenamed(head, table));
            }
        } while (head.skipPastTopLevel(","));
        return changes;
    }

    /** The rename of {@code CHANGE [COLUMN] [IF EXISTS] old new ...}, read after {@code CHANGE}; none for one name. */
    private static List<SchemaChange> changedColumnRenamed(TokenCursor clause, String table) {
        clause.accept("COLUMN");
        clause.accept("IF", "EXISTS");
        String column = clause.name();
        String name = column == null ? null : clause.name();
        return name == null || Names.key(name).equals(Names.key(column)) ? List.of()
                : List.of(new RenameColumn(table, column, name));
    }

    /**
     * {@code DROP PARTITION|PART expr} or {@code TRUNCATE PARTITION expr}; null for another clause, and
     * for PostgreSQL's {@code DROP partition [CASCADE]}, which drops a column of that name (a column drop the tree
     * would give).
     */
    private static DropPartition partitionDroppedByHead(TokenCursor clause, String table) {
        boolean truncate = clause.accept("TRUNCATE");
        if (!truncate && !clause.accept("DROP")) {
            return null;
        }
        String kind = clause.accept("PARTITION") ? "partition" : !truncate && clause.accept("PART") ? "part" : null;
        if (kind == null || clause.peek("CASCADE") || clause.peek("RESTRICT")) {
            return null;
        }
        String expression = clause.textToTopLevel(",");
        return expression.isEmpty() ? null
                : new DropPartition(table, kind + " " + expression, truncate);
    }

    /**
     * {@code ADD CONSTRAINT [name] UNIQUE ...} or {@code ADD UNIQUE [KEY|INDEX] [IF NOT EXISTS] [name]
     * [USING BTREE|HASH] (...}.
     */
    private static boolean addsUnique(TokenCursor clause) {
        if (!clause.accept("ADD")) {
            return false;
        }
        if (clause.accept("CONSTRAINT")) {
            if (!clause.peek("UNIQUE")) {
                clause.name();
            }
            return clause.accept("UNIQUE");
        }
        if (!clause.accept("UNIQUE")) {
            return false;
        }
        clause.acceptAny("KEY", "INDEX");
        clause.accept("IF", "NOT", "EXISTS");
        if (!clause.peek("(") && !clause.peek("USING")) {
            clause.name();
        }
        if (clause.accept("USING")) {
            clause.name();
        }
        return clause.peek("(");
    }

    /**
     * MySQL's {@code RENAME TABLE a TO b, c TO d} the grammar rejects, read from the tokens after {@code RENAME TABLE}:
     * JSqlParser 5.3 rejects a keyword of its own list as either name (such as {@code sample} or {@code output}),
     * where MySQL takes it. Reads pairs up to the first that is not {@code name TO name}.
     */
    private static List<SchemaChange> tablesRenamedByHead(TokenCursor head) {
        List<SchemaChange> renames = new ArrayList<>();
        do {
            String table = head.name();
            String name = table != null && head.accept("TO") ? head.name() : null;
            if (name == null) {
                break;
            }
            renames.add(new RenameTable(table, name));
        } while (head.accept(","));
        return renames;
    }

    private static List<SchemaChange> single(String name, Function<String, SchemaChange> change) {
        return name == null ? List.of() : List.of(change.apply(name));
    }

    private static List<SchemaChange> fromTree(Statement tree) {
        if (tree instanceof Alter alter) {
            return altered(alter);
        }
        if (tree instanceof RenameTableStatement rename) {
            return rename.getTableNames().stream()
                    .<SchemaChange>map(e -> new RenameTable(e.getKey().getUnquotedName(), e.getValue().getUnquotedName()))
                    .toList();
        }
        return List.of();
    }

    private static List<SchemaChange> altered(Alter alter) {
        String table = alter.getTable().getUnquotedName();
        List<SchemaChange> changes = new ArrayList<>();
        for (AlterExpression e : alter.getAlterExpressions()) {
            List<AlterExpression.ColumnDataType> columns = e.getColDataTypeList() == null ? List.of()
                    : e.getColDataTypeList();
            switch (e.getOperation()) {
                case ADD -> {
                    columns.forEach(c -> changes.add(new AddColumn(table, Names.unquote(c.getColumnName()),
                            requiresValue(c), bare(c))));
                    if (isPrimaryKey(e)) {
                        changes.add(new AddUnique(table, true));
                    } else if (isUnique(e)) {
                        changes.add(new AddUnique(table, false));
                    }
                }
                case DROP -> {
                    if (e.getColumnName() != null) {
                        changes.add(new DropColumn(table, Names.unquote(e.getColumnName())));
                    }
                }
                // JSqlParser models ALTER COLUMN c SET NOT NULL as column c of type SET with specs NOT NULL.
                case ALTER -> columns.stream()
                        .filter(c -> dataType(c).equals("set")
                                && upper(c.getColumnSpecs()).equals(List.of("NOT", "NULL")))
                        .forEach(c -> changes.add(new SetNotNull(table, Names.unquote(c.getColumnName()))));
                case DROP_PARTITION, TRUNCATE_PARTITION -> changes.add(new DropPartition(table,
                        "partition " + String.join(", ", e.getPartitions()),
                        e.getOperation() == AlterOperation.TRUNCATE_PARTITION));
                case RENAME_TABLE -> changes.add(new RenameTable(table, Names.unquote(e.getNewTableName())));
                case RENAME -> changes.add(new RenameColumn(table, Names.unquote(e.getColOldName()),
                        Names.unquote(e.getColumnName())));
                // MySQL CHANGE old new <definition> renames when the names differ.
                case CHANGE -> columns.stream()
                        .filter(c -> !Names.key(c.getColumnName()).equals(Names.key(e.getColOldName())))
                        .forEach(c -> changes.add(new RenameColumn(table, Names.unquote(e.getColOldName()),
                                Names.unquote(c.getColumnName()))));
                default -> {
                }
            }
        }
        return changes;
    }

    /** NOT NULL (or PRIMARY KEY) with nothing that fills existing rows: no default, identity, serial or generation. */
    private static boolean requiresValue(ColumnDefinition column) {
        List<String> specs = upper(column.getColumnSpecs());
        boolean notNull = containsPair(specs, "NOT", "NULL") || containsPair(specs, "PRIMARY", "KEY");
        boolean valued = specs.stream().anyMatch(VALUE_SPECS::contains)
                || SERIAL_TYPES.contains(dataType(column));
        return notNull && !valued;
    }

    /**
     * Neither {@code NULL}, {@code NOT NULL} nor a value written (ClickHouse's {@code CODEC}, {@code COMMENT} or
     * {@code TTL} may be), and a type that is not {@code Nullable(T)} (also inside {@code LowCardinality}).
     */
    private static boolean bare(ColumnDefinition column) {
        List<String> specs = upper(column.getColumnSpecs());
        String type = dataType(column);
        List<String> arguments = type.isEmpty() || column.getColDataType().getArgumentsStringList() == null ? List.of()
                : column.getColDataType().getArgumentsStringList();
        boolean nullable = type.equals("nullable") || type.equals("lowcardinality") && !arguments.isEmpty()
                && arguments.get(0).strip().toLowerCase(Locale.ROOT).startsWith("nullable");
        return !type.isEmpty() && !nullable && !specs.contains("NULL") && specs.stream().noneMatch(VALUE_SPECS::contains);
    }

    /** Lower case; empty for clauses without a type such as {@code ALTER COLUMN c DROP NOT NULL}. */
    private static String dataType(ColumnDefinition column) {
        return column.getColDataType() == null ? "" : column.getColDataType().getDataType().toLowerCase(Locale.ROOT);
    }

    private static boolean isPrimaryKey(AlterExpression e) {
        return e.getPkColumns() != null || indexType(e).equals("PRIMARY KEY");
    }

    /** JSqlParser's {@code getUk()} only says the clause spelled KEY, as a plain {@code ADD KEY ix (a)} does. */
    private static boolean isUnique(AlterExpression e) {
        return e.getUkColumns() != null || indexType(e).startsWith("UNIQUE");
    }

    private static String indexType(AlterExpression e) {
        Index index = e.getIndex();
        return index == null || index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
    }

    private static boolean containsPair(List<String> specs, String first, String second) {
        for (int i = 0; i + 1 < specs.size(); i++) {
            if (specs.get(i).equals(first) && specs.get(i + 1).equals(second)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> upper(List<String> specs) {
        return specs == null ? List.of() : specs.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }
}
