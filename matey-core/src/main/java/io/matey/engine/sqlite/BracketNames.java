package io.matey.engine.sqlite;

import io.matey.codegen.reader.SqlTokens;
import io.matey.codegen.reader.SqlTokens.Kind;
import io.matey.codegen.reader.SqlTokens.Token;
import io.matey.migration.ParsedSql;
import io.matey.migration.SqlStatement;

/**
 * A statement with SQLite's bracketed names ({@code [a.b]}, {@code [it's]}) written in double quotes. JSqlParser's
 * lexer reads a bracket as punctuation, so {@code [aux].[t]} would be words and dots, and a quote inside brackets
 * would start a string that swallows the rest of the statement, hiding its write targets from the guard
 * (docs/architecture.md §6). Strings and comments are left as written.
 */
final class BracketNames {

    private BracketNames() {
    }

    static ParsedSql doubleQuoted(ParsedSql statement) {
        String sql = statement.source().sql();
        if (sql.indexOf('[') < 0) {
            return statement;
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Token token : SqlTokens.tokenize(sql)) {
            if (token.kind() == Kind.IDENTIFIER && token.text().startsWith("[") && token.text().endsWith("]")) {
                out.append(sql, copied, token.start()).append('"').append(token.name().replace("\"", "\"\"")).append('"');
                copied = token.end();
            }
        }
        return copied == 0 ? statement
                : ParsedSql.of(new SqlStatement(out.append(sql, copied, sql.length()).toString(), statement.source().line()));
    }
}
