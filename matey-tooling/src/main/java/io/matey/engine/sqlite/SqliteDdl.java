package io.matey.engine.sqlite;

import io.matey.codegen.model.CheckConstraint;
import io.matey.codegen.model.Column;
import io.matey.codegen.reader.SqlTokens;
import io.matey.codegen.reader.SqlTokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What only the stored {@code CREATE TABLE} / {@code CREATE INDEX} text of SQLite tells. */
final class SqliteDdl {

    private static final Set<String> TABLE_CONSTRAINT_STARTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    private SqliteDdl() {
    }

    /** Check constraints in source order, and generation expressions by column name. */
    record TableParts(List<CheckConstraint> checks, Map<String, Column.Generated> generated) {
    }

    /** Key parts as written (without ordering and collation) and the partial-index predicate, or null. */
    record IndexParts(List<String> parts, String where) {
    }

    static TableParts table(String sql) {
        List<Token> tokens = SqlTokens.tokenize(sql);
        int open = SqlTokens.nextOpen(tokens, 0);
        List<CheckConstraint> checks = new ArrayList<>();
        Map<String, Column.Generated> generated = new HashMap<>();
        if (open < 0) {
            return new TableParts(checks, generated);
        }
        for (List<Token> definition : SqlTokens.splitList(tokens, open, SqlTokens.closing(tokens, open))) {
            if (definition.isEmpty()) {
                continue;
            }
            checks.addAll(checks(sql, definition));
            boolean isColumn = definition.get(0).kind() == SqlTokens.Kind.IDENTIFIER
                    || !TABLE_CONSTRAINT_STARTS.contains(SqlTokens.upper(definition.get(0)));
            if (isColumn) {
                Column.Generated expression = generation(sql, definition);
                if (expression != null) {
                    generated.put(definition.get(0).name(), expression);
                }
            }
        }
        return new TableParts(checks, generated);
    }

    private static List<CheckConstraint> checks(String sql, List<Token> definition) {
        List<CheckConstraint> checks = new ArrayList<>();
        for (int i = 0; i + 1 < definition.size(); i++) {
            if (definition.get(i).is("CHECK") && definition.get(i + 1).is("(")) {
                int close = SqlTokens.closing(definition, i + 1);
                String name = i >= 2 && definition.get(i - 2).is("CONSTRAINT") ? definition.get(i - 1).name() : null;
                checks.add(new CheckConstraint(name, inner(sql, definition, i + 1, close)));
                i = close;
            }
        }
        return checks;
    }

    private static Column.Generated generation(String sql, List<Token> definition) {
        for (int i = 1; i + 1 < definition.size(); i++) {
            if (definition.get(i).is("AS") && definition.get(i + 1).is("(")) {
                int close = SqlTokens.closing(definition, i + 1);
                boolean stored = close + 1 < definition.size() && definition.get(close + 1).is("STORED");
                return new Column.Generated(inner(sql, definition, i + 1, close), stored);
            }
        }
        return null;
    }

    static IndexParts index(String sql) {
        List<Token> tokens = SqlTokens.tokenize(sql);
        int open = SqlTokens.nextOpen(tokens, 0);
        int close = SqlTokens.closing(tokens, open);
        List<String> parts = new ArrayList<>();
        for (List<Token> part : SqlTokens.splitList(tokens, open, close)) {
            int end = part.size() - 1;
            if (end > 0 && (part.get(end).is("ASC") || part.get(end).is("DESC"))) {
                end--;
            }
            if (end > 1 && part.get(end - 1).is("COLLATE")) {
                end -= 2;
            }
            parts.add(SqlTokens.text(sql, part, 0, end));
        }
        String where = null;
        if (close + 1 < tokens.size() && tokens.get(close + 1).is("WHERE")) {
            int last = tokens.size() - 1;
            if (tokens.get(last).is(";")) {
                last--;
            }
            where = SqlTokens.text(sql, tokens, close + 2, last);
        }
        return new IndexParts(parts, where);
    }

    private static String inner(String sql, List<Token> tokens, int open, int close) {
        return sql.substring(tokens.get(open).end(), tokens.get(close).start()).strip();
    }
}
