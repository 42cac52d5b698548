package io.matey.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.parser.Token;

/**
 * The column types of each table through the migrations' up sections, for L421 and L417: what a column's type was
 * before a statement changes it (docs/architecture.md §6). {@code CREATE TABLE} declares a table's columns (and
 * MySQL's default character set), {@code ALTER TABLE} adds, changes, renames and drops some, {@code RENAME} and
 * {@code DROP TABLE} move and forget tables. A table created otherwise ({@code LIKE}, {@code AS SELECT},
 * {@code PARTITION OF}), or by no statement read, has unknown columns, and so has a column whose type lint cannot
 * read: a change of one is not compared. A table is known by its name with the schema written ({@code audit.users}
 * is not {@code users}); a name written without its schema means the one table of that name known in any, and
 * {@code public.users} the one known as {@code users}, but no table where there are several (lint does not know the search path, and a miss is better than
 * comparing another table's column).
 */
final class ColumnTypes {

    /**
     * A column's type changed by a statement; {@code before} or {@code after} null where unknown. {@code newTable}:
     * its table was created earlier in the same section, which holds no rows yet.
     */
    record Change(String table, String column, ColumnType before, ColumnType after, boolean newTable) {
    }

    /** A table's default character set (MySQL; null where unknown) and the columns whose types are known. */
    private static final class Table {
        String charset;
        final Map<String, ColumnType> columns = new HashMap<>();
    }

    /** Words that start a table element or an {@code ALTER TABLE} clause acting on no column. */
    private static final Set<String> NOT_COLUMNS = Set.of("PRIMARY", "UNIQUE", "KEY", "INDEX", "CONSTRAINT",
            "FOREIGN", "CHECK", "FULLTEXT", "SPATIAL", "EXCLUDE", "LIKE", "PERIOD", "PARTITION", "SYSTEM", "(");

    private final ColumnTypeFacts facts;
    private final Map<String, Table> tables = new HashMap<>();
    private final Set<String> createdInSection = new HashSet<>();

    ColumnTypes(ColumnTypeFacts facts) {
        this.facts = facts;
    }

    /** Starts reading an up section, whose own new tables hold no rows. */
    void section() {
        createdInSection.clear();
    }

    /** Reads one statement of the section: the column types it changes, each with the type it had before. */
    List<Change> read(ParsedStatement statement) {
        if (!statement.startsWith("CREATE") && !statement.startsWith("ALTER") && !statement.startsWith("DROP")
                && !statement.startsWith("RENAME")) {
            return List.of();
        }
        List<Token> tokens = statement.tokens();
        TokenCursor cursor = new TokenCursor(tokens);
        if (cursor.accept("CREATE")) {
            create(tokens, cursor);
        } else if (cursor.accept("DROP")) {
            cursor.skipAll("TEMPORARY");
            if (cursor.accept("TABLE")) {
                cursor.accept("IF", "EXISTS");
                do {
                    String name = cursor.qualifiedName();
                    if (name != null) {
                        tables.remove(known(name));
                    }
                } while (cursor.accept(","));
            }
        } else if (cursor.accept("RENAME", "TABLE")) {
            do {
                String from = cursor.qualifiedName();
                String to = cursor.accept("TO") ? cursor.qualifiedName() : null;
                if (from != null && to != null) {
                    move(known(from), Names.key(to));
                }
            } while (cursor.accept(","));
        } else {
            cursor.accept("ALTER");
            cursor.skipAll("ONLINE", "IGNORE");
            if (cursor.accept("TABLE")) {
                return alter(tokens, cursor);
            }
        }
        return List.of();
    }

    private void create(List<Token> tokens, TokenCursor cursor) {
        cursor.accept("OR", "REPLACE");
        cursor.skipAll("TEMPORARY", "TEMP", "UNLOGGED", "GLOBAL", "LOCAL");
        if (!cursor.accept("TABLE")) {
            return;
        }
        cursor.accept("IF", "NOT", "EXISTS");
        String name = cursor.qualifiedName();
        if (name == null) {
            return;
        }
        String key = Names.key(name);
        createdInSection.add(key);
        tables.put(key, new Table()); // its columns unknown until read
        int open = cursor.position();
        int close = closing(tokens, open);
        if (close < 0 || new TokenCursor(tokens.subList(close, tokens.size())).containsAtTopLevel("SELECT")) {
            return; // LIKE another table's, AS SELECT, PARTITION OF: columns lint does not read
        }
        Table table = new Table();
        table.charset = tableCharset(tokens.subList(close + 1, tokens.size()));
        for (List<Token> element : TokenCursor.clauses(tokens.subList(open + 1, close), 0)) {
            if (element.isEmpty()) {
                continue;
            }
            if (TokenCursor.is(element.get(0), "LIKE")) {
                return;
            }
            if (!NOT_COLUMNS.contains(element.get(0).image.toUpperCase(Locale.ROOT))) {
                put(table, element.get(0).image, ColumnType.read(element, 1, facts, table.charset));
            }
        }
        tables.put(key, table);
    }

    private List<Change> alter(List<Token> tokens, TokenCursor cursor) {
        cursor.accept("IF", "EXISTS");
        cursor.accept("ONLY");
        String name = cursor.qualifiedName();
        if (name == null) {
            return List.of();
        }
        cursor.accept("*");
        String key = known(name);
        Table table = tables.computeIfAbsent(key, k -> new Table());
        boolean newTable = createdInSection.contains(key);
        List<Change> changes = new ArrayList<>();
        ColumnEdits edits = new ColumnEdits(table);
        String renamed = null;
        for (List<Token> tokensOfClause : TokenCursor.clauses(tokens, cursor.position())) {
            TokenCursor clause = new TokenCursor(tokensOfClause);
            if (clause.accept("ADD")) {
                if (!NOT_COLUMNS.contains(next(tokensOfClause, clause))) {
                    clause.accept("COLUMN");
                    clause.accept("IF", "NOT", "EXISTS");
                    String column = clause.name();
                    edits.give(column, ColumnType.read(tokensOfClause, clause.position(), facts, table.charset));
                }
            } else if (clause.acceptAny("MODIFY", "CHANGE")) {
                boolean change = TokenCursor.is(tokensOfClause.get(0), "CHANGE");
                clause.accept("COLUMN");
                clause.accept("IF", "EXISTS");
                String column = clause.name();
                String newName = change ? clause.name() : column;
                ColumnType after = ColumnType.read(tokensOfClause, clause.position(), facts, table.charset);
                changes.add(new Change(name, column, edits.found(column), after, newTable));
                edits.remove(column);
                edits.give(newName, after);
            } else if (clause.accept("ALTER")) {
                clause.accept("COLUMN");
                String column = clause.name();
                if (column != null && (clause.accept("SET", "DATA", "TYPE") || clause.accept("TYPE"))) {
                    ColumnType after = ColumnType.read(tokensOfClause, clause.position(), facts, table.charset);
                    changes.add(new Change(name, column, edits.found(column), after, newTable));
                    edits.give(column, after);
                }
            } else if (clause.accept("DROP")) {
                if (!NOT_COLUMNS.contains(next(tokensOfClause, clause))) {
                    clause.accept("COLUMN");
                    clause.accept("IF", "EXISTS");
                    edits.remove(clause.name());
                }
            } else if (clause.accept("RENAME")) {
                if (clause.acceptAny("TO", "AS")) {
                    renamed = clause.qualifiedName();
                } else if (!clause.peek("INDEX") && !clause.peek("KEY") && !clause.peek("CONSTRAINT")) {
                    clause.accept("COLUMN");
                    String column = clause.name();
                    if (clause.accept("TO")) {
                        edits.give(clause.name(), edits.found(column));
                        edits.remove(column);
                    } else {
                        renamed = column; // MySQL's RENAME new_name
                    }
                }
            } else if (clause.accept("SET", "SCHEMA")) {
                String schema = clause.name();
                renamed = schema == null ? null : schema + "." + name.substring(qualifier(name).length());
            } else if (clause.accept("CONVERT", "TO")) {
                String charset = charset(clause);
                if (charset != null) {
                    convert(name, table, charset, newTable, changes);
                }
            } else {
                // Table options, in any order: ENGINE=InnoDB DEFAULT CHARSET=latin1
                String charset = tableCharset(tokensOfClause);
                table.charset = charset != null ? charset : table.charset;
            }
        }
        if (renamed != null) {
            // An unqualified new name keeps the table's schema, as PostgreSQL's RENAME TO does.
            move(key, Names.key(renamed.contains(".") ? renamed : qualifier(key) + renamed));
        }
        return changes;
    }

    /** {@code CONVERT TO CHARACTER SET x}: every text column is converted, and x is the table's default. */
    private void convert(String name, Table table, String charset, boolean newTable, List<Change> changes) {
        for (Map.Entry<String, ColumnType> column : table.columns.entrySet()) {
            ColumnType before = column.getValue();
            if (before.textual()) {
                ColumnType after = before.inCharset(charset);
                changes.add(new Change(name, column.getKey(), before, after, newTable));
                column.setValue(after);
            }
        }
        table.charset = charset;
    }

    /**
     * The column edits of one {@code ALTER TABLE}, whose clauses MySQL applies together: each reads the columns as
     * the statement found them, so that {@code CHANGE a b ..., CHANGE b a ...} swaps two columns.
     */
    private static final class ColumnEdits {
        private final Table table;
        private final Map<String, ColumnType> found;
        private final Set<String> given = new HashSet<>();

        ColumnEdits(Table table) {
            this.table = table;
            this.found = new HashMap<>(table.columns);
        }

        /** The column's type before the statement; null where unknown. */
        ColumnType found(String column) {
            return column == null ? null : found.get(Names.key(column));
        }

        /** The column now has {@code type} (null: a type lint cannot read). */
        void give(String column, ColumnType type) {
            if (column != null) {
                given.add(Names.key(column));
                put(table, column, type);
            }
        }

        /** The column the statement found is gone, unless another clause of it gave that name a column. */
        void remove(String column) {
            if (column != null && !given.contains(Names.key(column))) {
                forget(table, column);
            }
        }
    }

    private static void put(Table table, String column, ColumnType type) {
        if (column != null && type != null) {
            table.columns.put(Names.key(column), type);
        } else {
            forget(table, column);
        }
    }

    private static void forget(Table table, String column) {
        if (column != null) {
            table.columns.remove(Names.key(column));
        }
    }

    /**
     * The key of the table {@code name} means: its own where a table has it, else, where one of the two names has
     * no schema, that of the one table of its name known (pg_dump's {@code public.users}, then {@code users}); its
     * own where several are.
     */
    private String known(String name) {
        String key = Names.key(name);
        if (tables.containsKey(key)) {
            return key;
        }
        String schema = qualifier(key);
        String unqualified = key.substring(schema.length());
        List<String> candidates = tables.keySet().stream()
                .filter(known -> known.substring(qualifier(known).length()).equals(unqualified)
                        && (schema.isEmpty() || qualifier(known).isEmpty()))
                .toList();
        return candidates.size() == 1 ? candidates.get(0) : key;
    }

    private void move(String from, String to) {
        Table table = tables.remove(from);
        if (table != null) {
            tables.put(to, table);
        }
        if (createdInSection.contains(from)) {
            createdInSection.add(to);
        }
    }

    /**
     * {@code [DEFAULT] CHARACTER SET|CHARSET [=] x} or {@code [DEFAULT] COLLATE [=] x} (a collation's character
     * set) at the cursor, lower case; null when the clause is neither.
     */
    private static String charset(TokenCursor clause) {
        clause.accept("DEFAULT");
        boolean collate = clause.accept("COLLATE");
        if (!collate && !clause.accept("CHARACTER", "SET") && !clause.accept("CHARSET")) {
            return null;
        }
        clause.accept("=");
        String name = clause.name();
        if (name == null || name.equalsIgnoreCase("DEFAULT")) {
            return null;
        }
        return collate ? ColumnType.charsetOf(Names.key(name)) : Names.key(name);
    }

    /**
     * The character set table options give text columns ({@code CREATE TABLE}'s, or {@code ALTER TABLE}'s for
     * columns defined later): the one written, else its collation's; null when neither is written (at creation, the
     * database's default, which lint does not know).
     */
    private static String tableCharset(List<Token> options) {
        String collation = null;
        for (int i = 0; i < options.size(); i++) {
            TokenCursor option = new TokenCursor(options.subList(i, options.size()));
            option.accept("DEFAULT");
            boolean collate = option.peek("COLLATE");
            String found = charset(option);
            if (found != null && !collate) {
                return found;
            }
            collation = collation == null ? found : collation;
        }
        return collation;
    }

    /** A qualified table name's schema with its dot ({@code app.} of {@code app.users}); empty when unqualified. */
    private static String qualifier(String table) {
        return table.substring(0, table.lastIndexOf('.') + 1);
    }

    /** The index of the parenthesis closing the one at {@code open}; -1 when no parenthesis opens there. */
    private static int closing(List<Token> tokens, int open) {
        if (open >= tokens.size() || !tokens.get(open).image.equals("(")) {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String image = tokens.get(i).image;
            depth += image.equals("(") ? 1 : image.equals(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String next(List<Token> tokens, TokenCursor cursor) {
        return cursor.position() < tokens.size() ? tokens.get(cursor.position()).image.toUpperCase(Locale.ROOT) : "";
    }
}
