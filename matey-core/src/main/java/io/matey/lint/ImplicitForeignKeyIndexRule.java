package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.parser.Token;

/**
 * L414: a {@code CREATE TABLE} or {@code ALTER TABLE} adding a foreign key whose columns lead no key the same statement
 * declares, on engines that then create an index for it that no dump shows as such
 * ({@link LintDialect#foreignKeysCreateHiddenIndexes}: MySQL/MariaDB). Adding a foreign key or an index over those
 * columns later replaces such an index, but keeps one declared explicitly, as a checkpoint's {@code KEY} is once
 * loaded (docs/architecture.md §6). An {@code ALTER TABLE} over columns an earlier migration indexed is reported too:
 * the statement alone cannot tell.
 */
final class ImplicitForeignKeyIndexRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().foreignKeysCreateHiddenIndexes()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.statements()) {
                if ((statement.startsWith("CREATE") || statement.startsWith("ALTER")) && statement.contains("TABLE")
                        && statement.contains("FOREIGN")) {
                    unindexed(statement.tokens()).forEach(columns -> findings.add(Level.WARNING, "L414", file.path(),
                            statement.line(), "'" + statement.source().summary() + "' adds a foreign key on (" + columns
                                    + ") that no key in the statement indexes: the server creates an index for it and "
                                    + "marks it as its own, which no dump shows, so a key added later over those "
                                    + "columns replaces it here but keeps it in a database loaded from a dump. Declare "
                                    + "the index in the same statement (KEY name (" + columns + ")), or ignore this if "
                                    + "an earlier migration declared one."));
                }
            }
        }
    }

    /** The column lists, comma-separated, of the foreign keys whose columns lead none of the statement's keys. */
    private static List<String> unindexed(List<Token> tokens) {
        List<List<String>> keys = new ArrayList<>();
        List<List<String>> foreign = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (TokenCursor.is(tokens.get(i), "FOREIGN") && i + 1 < tokens.size() && TokenCursor.is(tokens.get(i + 1), "KEY")) {
                foreign.add(columns(tokens, i + 2));
                i++;
            } else if (TokenCursor.is(tokens.get(i), "KEY") || TokenCursor.is(tokens.get(i), "INDEX")
                    || TokenCursor.is(tokens.get(i), "UNIQUE")) {
                List<String> columns = columns(tokens, i + 1);
                keys.add(columns.isEmpty() ? ownColumn(tokens, i) : columns);
            }
        }
        List<String> out = new ArrayList<>();
        for (List<String> columns : foreign) {
            if (!columns.isEmpty() && keys.stream().noneMatch(key -> key.size() >= columns.size()
                    && key.subList(0, columns.size()).equals(columns))) {
                out.add(String.join(", ", columns));
            }
        }
        return out;
    }

    /** The column whose definition the key word at {@code at} ends in ({@code id INT PRIMARY KEY}), or none. */
    private static List<String> ownColumn(List<Token> tokens, int at) {
        int depth = 0;
        for (int i = at - 1; i > 0; i--) {
            String image = tokens.get(i).image;
            if (image.equals(")")) {
                depth++;
            } else if (image.equals("(") && depth-- == 0 || image.equals(",") && depth == 0) {
                return List.of(tokens.get(i + 1).image.replace("`", "").toLowerCase(Locale.ROOT));
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
                columns.add(image.replace("`", "").toLowerCase(Locale.ROOT));
                expectColumn = false;
            }
            if (image.equals("(") && depth == 1) {
                expectColumn = true;
            }
        }
        return columns;
    }
}
