package io.matey.engine;

import io.matey.migration.ParsedSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.parser.Token;

/**
 * The objects a statement creates, changes, drops, renames, writes rows to or calls, with their names as
 * written ({@code other_db.events} has the parts {@code other_db}, {@code events}). Reads (a view's query, the
 * source of {@code INSERT ... SELECT}, {@code CREATE TABLE ... LIKE}) do not count. Engines' write guards decide
 * which qualifiers leave the database (docs/architecture.md §6).
 *
 * <p>Two readings are combined. JSqlParser's tree, where the grammar accepts the statement, is exact, also for
 * multi-table UPDATE and DELETE (only the tables actually written count). A scan of the tokens finds the names
 * that follow a write keyword anywhere in the statement, so it also reads statements JSqlParser rejects and the
 * bodies of triggers, routines and events. Without a tree the scan is conservative: every table an UPDATE or
 * DELETE joins counts as written.
 */
public final class WriteTargets {

    /** A written object's name, unquoted parts in order. */
    public record Name(List<String> parts) {

        /** True when the name has a qualifier (database or schema) before the object's own name. */
        public boolean qualified() {
            return parts.size() > 1;
        }

        /** The first part of a qualified name: the database (MySQL) or attached schema (SQLite). */
        public String qualifier() {
            return parts.get(0);
        }

        @Override
        public String toString() {
            return String.join(".", parts);
        }
    }

    private static final Set<String> INSERT_MODIFIERS = Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE",
            "INTO", "OR", "REPLACE", "ROLLBACK", "ABORT", "FAIL");
    private static final Set<String> UPDATE_MODIFIERS = Set.of("LOW_PRIORITY", "IGNORE", "OR", "ROLLBACK", "ABORT",
            "REPLACE", "FAIL");
    private static final Set<String> DELETE_MODIFIERS = Set.of("LOW_PRIORITY", "QUICK", "IGNORE");
    /** A DML keyword after these is part of a trigger event, a foreign key action, a lock clause or an upsert. */
    private static final Set<String> NOT_A_STATEMENT_AFTER = Set.of("ON", "FOR", "BEFORE", "AFTER", "OR", "OF", "KEY",
            "INSTEAD", ",", "GRANT", "REVOKE");
    private static final Set<String> OBJECT_KINDS = Set.of("TABLE", "VIEW", "INDEX", "TRIGGER", "PROCEDURE",
            "FUNCTION", "EVENT", "SEQUENCE", "DATABASE", "SCHEMA");
    private static final Set<String> PUNCTUATION = Set.of("(", ")", ",", ".", ";", "=", "@");

    private WriteTargets() {
    }

    /**
     * Every object the statement writes, each name once, in order of appearance. A statement without a dot cannot
     * name an object in another database or schema, so its names are not read (parsing is the costly part).
     */
    public static List<Name> of(ParsedSql statement) {
        if (statement.source().sql().indexOf('.') < 0) {
            return List.of();
        }
        Set<Name> names = new LinkedHashSet<>();
        // JSqlParser answers a statement its grammar lacks with a placeholder that names nothing
        Optional<Statement> tree = statement.tree().filter(t -> !(t instanceof UnsupportedStatement));
        tree.ifPresent(t -> fromTree(t).forEach(names::add));
        names.addAll(new Scan(statement.tokens(), tree.isEmpty()).names());
        return List.copyOf(names);
    }

    /**
     * {@code CREATE|ALTER|DROP <kind> <name>} for one of {@code kinds} (such as {@code DATABASE}), as the
     * statement's head words and the name; empty for other statements, and for {@code ALTER DATABASE} without a
     * name (MySQL: the current database).
     */
    public static Optional<String> databaseStatement(ParsedSql statement, Set<String> kinds) {
        if (kinds.stream().noneMatch(statement::mentions)) {
            return Optional.empty();
        }
        List<Token> tokens = statement.head(6);
        if (tokens.size() < 2 || !Set.of("CREATE", "ALTER", "DROP").contains(upper(tokens.get(0)))
                || !kinds.contains(upper(tokens.get(1)))) {
            return Optional.empty();
        }
        int at = skip(tokens, 2, Set.of("IF", "NOT", "EXISTS"));
        if (at >= tokens.size() || Set.of("CHARACTER", "CHARSET", "DEFAULT", "COLLATE", "READ", "COMMENT",
                "UPGRADE").contains(upper(tokens.get(at)))) {
            return Optional.empty();
        }
        return Optional.of(upper(tokens.get(0)) + " " + upper(tokens.get(1)) + " " + unquote(tokens.get(at).image));
    }

    /** True when the statement's first tokens are these keywords. */
    public static boolean startsWith(ParsedSql statement, String... keywords) {
        if (!statement.mentions(keywords[0])) {
            return false;
        }
        List<Token> tokens = statement.head(keywords.length);
        if (tokens.size() < keywords.length) {
            return false;
        }
        for (int i = 0; i < keywords.length; i++) {
            if (!ParsedSql.is(tokens.get(i), keywords[i])) {
                return false;
            }
        }
        return true;
    }

    // ---- the syntax tree ----

    private static Stream<Name> fromTree(Statement tree) {
        Stream<Table> tables;
        if (tree instanceof CreateTable s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof CreateIndex s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof CreateView s) {
            tables = Stream.of(s.getView());
        } else if (tree instanceof Alter s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof Drop s) {
            tables = Stream.of(s.getName());
        } else if (tree instanceof Truncate s) {
            tables = s.getTables() != null ? s.getTables().stream() : Stream.of(s.getTable());
        } else if (tree instanceof RenameTableStatement s) {
            tables = s.getTableNames().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue()));
        } else if (tree instanceof Insert s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof Upsert s) {
            tables = Stream.of(s.getTable());
        } else if (tree instanceof Update s) {
            tables = updated(s).stream();
        } else if (tree instanceof Delete s) {
            tables = deleted(s).stream();
        } else if (tree instanceof Merge s) {
            tables = Stream.of(s.getTable());
        } else {
            tables = Stream.empty();
        }
        return tables.filter(t -> t != null && t.getName() != null).map(WriteTargets::name);
    }

    /** The tables an UPDATE's SET columns belong to (the first table for unqualified columns). */
    private static List<Table> updated(Update update) {
        Map<String, Table> byAlias = aliases(update.getTable(), update.getStartJoins(), update.getJoins(), null);
        List<Table> written = new ArrayList<>();
        for (UpdateSet set : update.getUpdateSets()) {
            for (Column column : set.getColumns()) {
                Table owner = column.getTable();
                written.add(owner == null || owner.getName() == null ? update.getTable()
                        : byAlias.getOrDefault(key(owner.getName()), owner));
            }
        }
        return written.isEmpty() ? List.of(update.getTable()) : written;
    }

    /** A multi-table DELETE's target list (aliases resolved), else its one table. */
    private static List<Table> deleted(Delete delete) {
        if (delete.getTables() == null || delete.getTables().isEmpty()) {
            return List.of(delete.getTable());
        }
        Map<String, Table> byAlias = aliases(delete.getTable(), null, delete.getJoins(), delete.getUsingList());
        return delete.getTables().stream().map(t -> byAlias.getOrDefault(key(t.getName()), t)).toList();
    }

    private static Map<String, Table> aliases(Table first, List<Join> startJoins, List<Join> joins, List<Table> using) {
        Map<String, Table> byAlias = new HashMap<>();
        List<FromItem> items = new ArrayList<>();
        items.add(first);
        Stream.of(startJoins, joins).filter(l -> l != null).flatMap(List::stream).map(Join::getFromItem).forEach(items::add);
        if (using != null) {
            items.addAll(using);
        }
        for (FromItem item : items) {
            if (item instanceof Table table && table.getName() != null) {
                byAlias.put(key(table.getName()), table);
                if (table.getAlias() != null) {
                    byAlias.put(key(table.getAlias().getName()), table);
                }
            }
        }
        return byAlias;
    }

    /**
     * The name as its tokens spell it: JSqlParser splits a quoted name at its dots ({@code "a.b"} becomes schema
     * {@code a}, table {@code b}, as BigQuery's {@code `proj.ds.t`} would be), so its parts are not the name's.
     */
    private static Name name(Table table) {
        SimpleNode node = table.getASTNode();
        if (node != null && node.jjtGetFirstToken() != null) {
            List<String> parts = new ArrayList<>();
            for (Token t = node.jjtGetFirstToken(); t != null; t = t == node.jjtGetLastToken() ? null : t.next) {
                if (!t.image.equals(".")) {
                    parts.add(unquote(t.image));
                }
            }
            return new Name(List.copyOf(parts));
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {table.getDatabaseName(), table.getSchemaName(), table.getName()}) {
            if (part != null && !part.isEmpty()) {
                parts.add(unquote(part));
            }
        }
        return new Name(List.copyOf(parts));
    }

    // ---- the token scan ----

    /** Reads the names that follow write keywords, at any position of the token stream. */
    private static final class Scan {

        private final List<Token> tokens;
        private final boolean conservative;
        private final Set<Name> names = new LinkedHashSet<>();

        Scan(List<Token> tokens, boolean conservative) {
            this.tokens = tokens;
            this.conservative = conservative;
        }

        Set<Name> names() {
            for (int i = 0; i < tokens.size(); i++) {
                String word = upper(tokens.get(i));
                boolean statement = i == 0 || !NOT_A_STATEMENT_AFTER.contains(upper(tokens.get(i - 1)));
                switch (word) {
                    case "INSERT", "REPLACE" -> {
                        if (statement) {
                            nameAt(skip(tokens, i + 1, INSERT_MODIFIERS));
                        }
                    }
                    case "UPDATE" -> {
                        if (statement) {
                            int end = nameAt(skip(tokens, i + 1, UPDATE_MODIFIERS));
                            if (conservative) {
                                tableReferences(end, "SET");
                            }
                        }
                    }
                    case "DELETE" -> {
                        if (statement) {
                            delete(skip(tokens, i + 1, DELETE_MODIFIERS));
                        }
                    }
                    case "TRUNCATE" -> nameAt(skip(tokens, i + 1, Set.of("TABLE")));
                    case "CREATE", "ALTER", "DROP" -> objectStatement(i + 1);
                    case "RENAME" -> rename(i + 1);
                    case "CALL" -> nameAt(i + 1);
                    case "TABLE" -> {
                        // LOAD DATA ... INTO TABLE t; ALTER TABLE ... EXCHANGE PARTITION p WITH TABLE t
                        if (i > 0 && Set.of("INTO", "WITH").contains(upper(tokens.get(i - 1)))) {
                            nameAt(i + 1);
                        }
                    }
                    default -> {
                    }
                }
            }
            return names;
        }

        private void delete(int at) {
            if (at < tokens.size() && ParsedSql.is(tokens.get(at), "FROM")) {
                int end = nameAt(at + 1);
                if (conservative) {
                    tableReferences(end, "WHERE");
                }
                return;
            }
            // DELETE t1, t2 FROM ... : the targets, and (conservatively) every table of the FROM list
            int end = names(at);
            if (conservative && end < tokens.size() && Set.of("FROM", "USING").contains(upper(tokens.get(end)))) {
                tableReferences(names(end + 1), "WHERE");
            }
        }

        /** {@code CREATE|ALTER|DROP [modifiers] <kind> [IF [NOT] EXISTS] name[, name]} and a trigger's or index's table. */
        private void objectStatement(int from) {
            int at = from;
            while (at < tokens.size() && at < from + 12 && !OBJECT_KINDS.contains(upper(tokens.get(at)))) {
                String image = tokens.get(at).image;
                if (image.equals("(") || image.equals(";")) {
                    return;
                }
                at++;
            }
            if (at >= tokens.size() || !OBJECT_KINDS.contains(upper(tokens.get(at)))) {
                return;
            }
            String kind = upper(tokens.get(at));
            if (kind.equals("DATABASE") || kind.equals("SCHEMA")) {
                return; // what a database statement means is the engine's to judge
            }
            int end = names(skip(tokens, at + 1, Set.of("IF", "NOT", "EXISTS")));
            if (kind.equals("INDEX") || kind.equals("TRIGGER")) {
                for (int j = end; j < tokens.size() && !tokens.get(j).image.equals(";"); j++) {
                    if (ParsedSql.is(tokens.get(j), "ON")) {
                        nameAt(j + 1);
                        return;
                    }
                }
            }
        }

        /** {@code RENAME TABLE a TO b, ...}, and {@code ALTER TABLE t RENAME [TO|AS] n}; not columns, indexes or users. */
        private void rename(int at) {
            if (at >= tokens.size()) {
                return;
            }
            String next = upper(tokens.get(at));
            if (next.equals("TABLE") || next.equals("TABLES")) {
                int j = at + 1;
                while (j < tokens.size()) {
                    j = nameAt(j);
                    if (j < tokens.size() && ParsedSql.is(tokens.get(j), "TO")) {
                        j = nameAt(j + 1);
                    }
                    if (j >= tokens.size() || !tokens.get(j).image.equals(",")) {
                        return;
                    }
                    j++;
                }
            } else if (!Set.of("COLUMN", "INDEX", "KEY", "CONSTRAINT", "USER", "PARTITION").contains(next)) {
                nameAt(skip(tokens, at, Set.of("TO", "AS")));
            }
        }

        /** The names of a table-reference list ({@code a, b JOIN c ON ...}) up to {@code stop}. */
        private void tableReferences(int from, String stop) {
            for (int j = from; j < tokens.size(); j++) {
                String word = upper(tokens.get(j));
                if (word.equals(stop) || word.equals(";")) {
                    return;
                }
                if (word.equals(",") || word.equals("JOIN")) {
                    nameAt(j + 1);
                }
            }
        }

        /** A comma-separated list of names; returns the index after it. */
        private int names(int at) {
            int end = nameAt(at);
            while (end > at && end < tokens.size() && tokens.get(end).image.equals(",")) {
                int next = nameAt(end + 1);
                if (next == end + 1) {
                    return end;
                }
                end = next;
            }
            return end;
        }

        /** Reads a possibly qualified name at {@code at} into the result; returns the index after it. */
        private int nameAt(int at) {
            if (at >= tokens.size() || PUNCTUATION.contains(tokens.get(at).image)) {
                return at;
            }
            List<String> parts = new ArrayList<>(List.of(unquote(tokens.get(at).image)));
            int j = at + 1;
            while (j + 1 < tokens.size() && tokens.get(j).image.equals(".")
                    && !PUNCTUATION.contains(tokens.get(j + 1).image)) {
                parts.add(unquote(tokens.get(j + 1).image));
                j += 2;
            }
            names.add(new Name(List.copyOf(parts)));
            return j;
        }
    }

    private static int skip(List<Token> tokens, int at, Set<String> words) {
        int i = at;
        while (i < tokens.size() && words.contains(upper(tokens.get(i)))) {
            i++;
        }
        return i;
    }

    private static String upper(Token token) {
        return token.image.toUpperCase(Locale.ROOT);
    }

    private static String key(String name) {
        return unquote(name).toLowerCase(Locale.ROOT);
    }

    /** {@code `a`}, {@code "a"} or {@code [a]} → {@code a}; a doubled quote inside stands for one. */
    static String unquote(String name) {
        if (name.length() >= 2) {
            char first = name.charAt(0);
            char last = name.charAt(name.length() - 1);
            if (first == '`' && last == '`' || first == '"' && last == '"') {
                return name.substring(1, name.length() - 1).replace(String.valueOf(first).repeat(2), String.valueOf(first));
            }
            if (first == '[' && last == ']') {
                return name.substring(1, name.length() - 1);
            }
        }
        return name;
    }
}
