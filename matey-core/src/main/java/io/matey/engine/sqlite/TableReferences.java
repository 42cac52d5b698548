package io.matey.engine.sqlite;

import io.matey.codegen.reader.SqlTokens;
import io.matey.codegen.reader.SqlTokens.Kind;
import io.matey.codegen.reader.SqlTokens.Token;
import java.util.List;
import java.util.Set;

/**
 * The table names inside an object's stored SQL written bare where SQLite reads them bare, and in double quotes where
 * they need quotes, as {@link HeaderName} does for the header's own name. {@code ALTER TABLE ... RENAME TO} rewrites every reference to the table in the
 * other objects (a trigger's table and body, a view's query, an index's table, a foreign key's target) with the new
 * name in double quotes, so a rename and its exact reverse leave {@code INSERT INTO "audit"(...)} where the
 * migration wrote {@code INSERT INTO audit(...)} (or {@code "a,b"} where it wrote {@code [a,b]}), and an exact down looks inexact (docs/architecture.md §5).
 * Only a name in a table position is touched: after {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} or
 * {@code REFERENCES}, before the {@code .} of a qualified column, and the table after the first {@code ON} of an
 * index or trigger header. A double-quoted word elsewhere in an expression may be SQLite's string-literal fallback
 * ({@code "active"} where no column has that name), whose meaning unquoting would change, so it stays as written;
 * strings and comments are never changed. The result means what SQLite stored, and loading it stores it unchanged,
 * so the dump remains a fixed point.
 */
final class TableReferences {

    private static final Set<String> BEFORE_TABLE = Set.of("FROM", "JOIN", "INTO", "UPDATE", "REFERENCES");

    private TableReferences() {
    }

    static String unquoted(String sql) {
        List<Token> tokens = SqlTokens.tokenize(sql);
        int headerOn = headerOn(tokens);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.IDENTIFIER && closed(token)
                    && (i - 1 == headerOn || afterTableKeyword(tokens, i) || i + 1 < tokens.size() && tokens.get(i + 1).is("."))) {
                String written = HeaderName.written(token.name());
                if (!written.equals(token.text())) {
                    out.append(sql, copied, token.start()).append(written);
                    copied = token.end();
                }
            }
        }
        return copied == 0 ? sql : out.append(sql, copied, sql.length()).toString();
    }

    /** Whether the quoted name ends with its closing quote (an unclosed one runs to the end of the text). */
    private static boolean closed(Token token) {
        String text = token.text();
        char close = text.charAt(0) == '[' ? ']' : text.charAt(0);
        return text.length() >= 2 && text.charAt(text.length() - 1) == close;
    }

    /** {@code FROM "x"}, but not the expression after {@code IS [NOT] DISTINCT FROM}. */
    private static boolean afterTableKeyword(List<Token> tokens, int i) {
        if (i == 0 || tokens.get(i - 1).kind() != Kind.WORD || !BEFORE_TABLE.contains(SqlTokens.upper(tokens.get(i - 1)))) {
            return false;
        }
        return !(tokens.get(i - 1).is("FROM") && i >= 2 && tokens.get(i - 2).is("DISTINCT"));
    }

    /** The index of the {@code ON} naming the table of a {@code CREATE [UNIQUE] INDEX} or {@code CREATE TRIGGER}, or -2. */
    private static int headerOn(List<Token> tokens) {
        boolean indexOrTrigger = tokens.size() > 2 && tokens.get(0).is("CREATE")
                && (tokens.get(1).is("INDEX") || tokens.get(1).is("TRIGGER") || tokens.get(1).is("UNIQUE") && tokens.get(2).is("INDEX"));
        if (indexOrTrigger) {
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).kind() == Kind.WORD && tokens.get(i).is("ON")) {
                    return i;
                }
            }
        }
        return -2;
    }
}
