package io.matey.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.parser.Token;

/**
 * The explicit keys of each table through the migrations' statements, for L414: which foreign keys are left with the
 * index the server creates and marks (docs/architecture.md §6). A foreign key is left so when no key of its table
 * leads its columns, counting the keys declared before it (earlier migrations' up sections, then the statements of
 * its section before it, with the statement itself) and not dropped since; a key declared later over those columns
 * replaces the marked index, so the foreign key is not left so after that. A {@code CREATE TABLE} starts its table's
 * keys afresh; keys of tables no statement read created are unknown and count as none.
 */
final class SectionKeys {

    /** A key: its name (lower case; a key's first column when unnamed) and columns. */
    private record Key(String name, List<String> columns) {

        boolean leads(List<String> foreign) {
            return columns.size() >= foreign.size() && columns.subList(0, foreign.size()).equals(foreign);
        }
    }

    /** A foreign key left with a marked index so far. */
    record Unindexed(ParsedStatement statement, String table, List<String> columns) {
    }

    private final Map<String, List<Key>> keys = new HashMap<>();
    /** Statements are compared by identity, so equal text in two migrations stays two foreign keys. */
    private final Map<Unindexed, Boolean> unindexed = new LinkedHashMap<>();

    /** The keys of an empty schema, before the first migration. */
    SectionKeys() {
    }

    /** The same keys, to read a section (a down section) without changing these. */
    SectionKeys copy() {
        SectionKeys copy = new SectionKeys();
        keys.forEach((table, declared) -> copy.keys.put(table, new ArrayList<>(declared)));
        copy.unindexed.putAll(unindexed);
        return copy;
    }

    /**
     * Reads {@code statements}, one section's in order, over the keys so far: the foreign keys they add that are
     * left with a marked index at the section's end.
     */
    List<Unindexed> read(List<ParsedStatement> statements) {
        statements.forEach(this::read);
        List<Unindexed> left = new ArrayList<>();
        for (Unindexed foreign : unindexed.keySet()) {
            if (statements.contains(foreign.statement())) {
                left.add(foreign);
            }
        }
        return left;
    }

    private void read(ParsedStatement statement) {
        if (!statement.startsWith("CREATE") && !statement.startsWith("ALTER") && !statement.startsWith("DROP")) {
            return;
        }
        List<Token> tokens = statement.tokens();
        int at = 0;
        boolean create = TokenCursor.is(tokens.get(0), "CREATE");
        // CREATE OR REPLACE TEMPORARY TABLE, ALTER ONLINE IGNORE TABLE, CREATE UNIQUE INDEX: a few words at most
        int words = Math.min(tokens.size(), 5);
        while (at < words && !TokenCursor.is(tokens.get(at), "TABLE") && !TokenCursor.is(tokens.get(at), "INDEX")) {
            at++;
        }
        if (at + 1 >= words) {
            return;
        }
        int name = skipIfExists(tokens, at + 1);
        if (TokenCursor.is(tokens.get(at), "INDEX")) {
            index(tokens, create, name);
        } else if (!TokenCursor.is(tokens.get(0), "DROP")) {
            table(statement, qualified(tokens, name), create);
        }
    }

    /** {@code CREATE [UNIQUE] INDEX k ON t (...)} adds a key, {@code DROP INDEX k ON t} drops one. */
    private void index(List<Token> tokens, boolean create, int name) {
        int on = name;
        while (on < tokens.size() && !TokenCursor.is(tokens.get(on), "ON")) {
            on++;
        }
        if (on + 1 >= tokens.size()) {
            return;
        }
        String table = qualified(tokens, on + 1);
        String key = unquoted(tokens.get(name));
        int list = on + 1 + (on + 2 < tokens.size() && tokens.get(on + 2).image.equals(".") ? 2 : 0);
        if (create) {
            add(table, List.of(new Key(key, columns(tokens, list))));
        } else {
            keys.getOrDefault(table, new ArrayList<>()).removeIf(k -> k.name().equals(key));
        }
    }

    /**
     * {@code CREATE TABLE} declares the table's keys, {@code ALTER TABLE} drops and adds some (the drops first, as the
     * server applies them); then the statement's foreign keys are checked against them.
     */
    private void table(ParsedStatement statement, String table, boolean create) {
        List<Token> tokens = statement.tokens();
        List<Key> declared = new ArrayList<>();
        List<List<String>> foreign = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (TokenCursor.is(tokens.get(i), "DROP") && i + 1 < tokens.size()) {
                Token what = tokens.get(i + 1);
                if (TokenCursor.is(what, "INDEX") || TokenCursor.is(what, "KEY")
                        || TokenCursor.is(what, "CONSTRAINT")) {
                    int key = skipIfExists(tokens, i + 2);
                    if (key < tokens.size()) {
                        dropped.add(unquoted(tokens.get(key)));
                    }
                    i = key;
                } else if (TokenCursor.is(what, "PRIMARY") || TokenCursor.is(what, "FOREIGN")) {
                    if (TokenCursor.is(what, "PRIMARY")) {
                        dropped.add("primary");
                    }
                    i += 2; // past KEY, which adds no key here
                }
            } else if (TokenCursor.is(tokens.get(i), "FOREIGN") && i + 1 < tokens.size()
                    && TokenCursor.is(tokens.get(i + 1), "KEY")) {
                foreign.add(columns(tokens, i + 2));
                i++;
            } else if (TokenCursor.is(tokens.get(i), "KEY") || TokenCursor.is(tokens.get(i), "INDEX")
                    || TokenCursor.is(tokens.get(i), "UNIQUE")) {
                List<String> columns = columns(tokens, i + 1);
                columns = columns.isEmpty() ? ownColumn(tokens, i) : columns;
                if (!columns.isEmpty()) {
                    declared.add(new Key(keyName(tokens, i, columns), columns));
                }
            }
        }
        List<Key> known = create ? new ArrayList<>() : keys.computeIfAbsent(table, t -> new ArrayList<>());
        known.removeIf(k -> dropped.contains(k.name()));
        keys.put(table, known);
        add(table, declared);
        for (List<String> columns : foreign) {
            if (!columns.isEmpty() && known.stream().noneMatch(k -> k.leads(columns))) {
                unindexed.put(new Unindexed(statement, table, columns), true);
            }
        }
    }

    /** Adds keys to a table; each replaces the marked index of a foreign key whose columns it leads. */
    private void add(String table, List<Key> added) {
        keys.computeIfAbsent(table, t -> new ArrayList<>()).addAll(added);
        unindexed.keySet().removeIf(u -> u.table().equals(table) && added.stream().anyMatch(k -> k.leads(u.columns())));
    }

    /**
     * The name of the key whose keyword is at {@code at}: {@code PRIMARY} for a primary key, the one written after
     * the keyword or after {@code CONSTRAINT}, else its first column's, as the server names it.
     */
    private static String keyName(List<Token> tokens, int at, List<String> columns) {
        if (at > 0 && TokenCursor.is(tokens.get(at - 1), "PRIMARY")) {
            return "primary";
        }
        int start = at > 0 && TokenCursor.is(tokens.get(at - 1), "UNIQUE") ? at - 1 : at;
        if (start >= 2 && TokenCursor.is(tokens.get(start - 2), "CONSTRAINT")) {
            return unquoted(tokens.get(start - 1));
        }
        int next = at + 1;
        if (next < tokens.size() && (TokenCursor.is(tokens.get(next), "KEY") || TokenCursor.is(tokens.get(next), "INDEX"))) {
            next++;
        }
        return next < tokens.size() && !tokens.get(next).image.equals("(") && !tokens.get(next).image.equals(",")
                ? unquoted(tokens.get(next)) : columns.get(0);
    }

    /** The token after {@code IF [NOT] EXISTS} at {@code at}, or {@code at}. */
    private static int skipIfExists(List<Token> tokens, int at) {
        if (at < tokens.size() && TokenCursor.is(tokens.get(at), "IF")) {
            at++;
            if (at < tokens.size() && TokenCursor.is(tokens.get(at), "NOT")) {
                at++;
            }
            return at + 1;
        }
        return at;
    }

    /** The table name at {@code at}, without a database that qualifies it. */
    private static String qualified(List<Token> tokens, int at) {
        if (at + 2 < tokens.size() && tokens.get(at + 1).image.equals(".")) {
            return unquoted(tokens.get(at + 2));
        }
        return at < tokens.size() ? unquoted(tokens.get(at)) : "";
    }

    private static String unquoted(Token token) {
        return token.image.replace("`", "").toLowerCase(Locale.ROOT);
    }

    /** The column whose definition the key word at {@code at} ends in ({@code id INT PRIMARY KEY}), or none. */
    private static List<String> ownColumn(List<Token> tokens, int at) {
        int depth = 0;
        for (int i = at - 1; i > 0; i--) {
            String image = tokens.get(i).image;
            if (image.equals(")")) {
                depth++;
            } else if (image.equals("(") && depth-- == 0 || image.equals(",") && depth == 0) {
                return List.of(unquoted(tokens.get(i + 1)));
            }
        }
        return List.of();
    }

    /**
     * The columns of the parenthesised list at {@code from} or after a name (and a {@code KEY} or {@code INDEX}
     * after {@code UNIQUE}); none where no list follows, as after a column's own {@code PRIMARY KEY}.
     */
    private static List<String> columns(List<Token> tokens, int from) {
        int open = from;
        while (open < tokens.size() && open < from + 3 && !tokens.get(open).image.equals("(")) {
            open++;
        }
        List<String> columns = new ArrayList<>();
        if (open >= tokens.size() || !tokens.get(open).image.equals("(")) {
            return columns;
        }
        int depth = 0;
        boolean expectColumn = true;
        for (int i = open; i < tokens.size(); i++) {
            String image = tokens.get(i).image;
            if (image.equals("(")) {
                depth++;
            } else if (image.equals(")") && --depth == 0) {
                break;
            } else if (depth == 1 && image.equals(",")) {
                expectColumn = true;
            } else if (depth == 1 && expectColumn) {
                columns.add(unquoted(tokens.get(i)));
                expectColumn = false;
            }
            if (image.equals("(") && depth == 1) {
                expectColumn = true;
            }
        }
        return columns;
    }
}
