package io.matey.lint;

import io.matey.lint.Finding.Level;
import java.util.List;
import net.sf.jsqlparser.parser.Token;

/**
 * L411: a session-level {@code search_path} change ({@code SET search_path}, {@code SET SESSION search_path},
 * {@code set_config('search_path', ..., false)}, as pg_dump's preamble writes it) on engines where sections share no
 * session state ({@link LintDialect#searchPathIsSessionState}: PostgreSQL). Matey starts every section
 * from the connection's own session (docs/architecture.md §7), so the change ends with its section; a history
 * written for dbmate, which runs a batch in one session, may expect the migrations after it to run under it.
 */
final class SessionSearchPathRule implements LintRule {

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().searchPathIsSessionState()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            for (ParsedStatement statement : file.statements()) {
                if (setsSessionSearchPath(statement)) {
                    findings.add(Level.WARNING, "L411", file.path(), statement.line(), "'"
                            + statement.source().summary() + "' sets search_path for the session, but Matey starts "
                            + "every section from the connection's own session: the setting ends with this section, "
                            + "and later migrations do not run under it (dbmate would run them under it when they "
                            + "run in the same batch). Qualify the names, or write SET LOCAL search_path to say that "
                            + "it lasts for this section's transaction.");
                }
            }
        }
    }

    private static boolean setsSessionSearchPath(ParsedStatement statement) {
        List<Token> tokens = statement.tokens();
        if (statement.startsWith("SET")) {
            int name = tokens.size() > 1 && TokenCursor.is(tokens.get(1), "SESSION") ? 2 : 1;
            return tokens.size() > name && TokenCursor.is(tokens.get(name), "search_path");
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (TokenCursor.is(tokens.get(i), "set_config") && tokens.get(i + 1).image.equals("(")
                    && TokenCursor.is(tokens.get(i + 2), "'search_path'")) {
                return lastArgumentIsFalse(tokens, i + 1);
            }
        }
        return false;
    }

    /** Whether the argument list opened at {@code open} ends with {@code false} (not for this transaction only). */
    private static boolean lastArgumentIsFalse(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            String image = tokens.get(i).image;
            if (image.equals("(")) {
                depth++;
            } else if (image.equals(")") && --depth == 0) {
                return TokenCursor.is(tokens.get(i - 1), "false");
            }
        }
        return false;
    }
}
