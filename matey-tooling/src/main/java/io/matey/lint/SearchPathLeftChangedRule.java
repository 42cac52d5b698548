package io.matey.lint;

import io.matey.lint.Finding.Level;
import io.matey.migration.Section;
import java.util.List;
import net.sf.jsqlparser.parser.Token;

/**
 * A section that changes {@code search_path} and does not set it back before its end, on engines where it is session
 * state ({@link LintDialect#searchPathIsSessionState}: PostgreSQL). dbmate writes {@code schema_migrations} after
 * the section in the same transaction and, unless its URL gives a {@code search_path}, in the schema
 * {@code current_schema()} names then: a path starting with a schema that holds no such table makes it fail, while
 * Matey, which resets the session after each section (docs/architecture.md §7), applies the migration.
 * <ul>
 * <li>L411: a session-level change ({@code SET [SESSION] search_path}, {@code set_config('search_path', ..., false)},
 * as pg_dump's preamble writes it); it also ends with its section under Matey, while dbmate runs the migrations after
 * it in the same batch under it.</li>
 * <li>L413: a change for the transaction ({@code SET LOCAL search_path}, {@code set_config(..., true)}); a
 * {@code transaction:false} section is one query to dbmate, whose implicit transaction ends before it writes the
 * version, so there it is not reported.</li>
 * </ul>
 * {@code RESET search_path}, {@code RESET ALL} and {@code SET search_path TO DEFAULT} set it back; {@code SET LOCAL
 * search_path TO DEFAULT} sets back a change for the transaction only.
 */
final class SearchPathLeftChangedRule implements LintRule {

    private static final String DBMATE = "dbmate updates schema_migrations in the section's transaction, in the "
            + "first schema of this path unless its URL gives a search_path, and fails where that schema has no such "
            + "table (relation \"<schema>.schema_migrations\" does not exist), although Matey applies the migration";
    private static final String FIX = "qualify the names instead, or end the section with RESET search_path";

    /** What a statement does to search_path. */
    private enum Effect { NONE, SETS_SESSION, SETS_LOCAL, RESETS_SESSION, RESETS_LOCAL }

    @Override
    public void check(LintContext context, Findings findings) {
        if (!context.facts().searchPathIsSessionState()) {
            return;
        }
        for (MigrationFile file : context.readableMigrations()) {
            file.forEachSection((section, statements) -> check(file, section, statements, findings));
        }
    }

    private static void check(MigrationFile file, Section section, List<ParsedStatement> statements,
            Findings findings) {
        ParsedStatement session = null;
        ParsedStatement local = null;
        for (ParsedStatement statement : statements) {
            // Only RESET ALL changes the path without naming it; lexing no other statement keeps data migrations cheap.
            boolean aboutPath = statement.mentions("search_path") || statement.startsWith("RESET");
            switch (aboutPath ? effect(statement.tokens()) : Effect.NONE) {
                case SETS_SESSION -> session = statement;
                case SETS_LOCAL -> local = statement;
                case RESETS_SESSION -> {
                    session = null;
                    local = null;
                }
                case RESETS_LOCAL -> local = null;
                case NONE -> { }
            }
        }
        if (session != null) {
            findings.add(Level.WARNING, "L411", file.path(), session.line(), "'" + session.source().summary()
                    + "' sets search_path for the session, and the " + section.kind() + " section does not set it "
                    + "back: " + DBMATE + "; and Matey starts every section from the connection's own session, so "
                    + "later migrations do not run under it (dbmate runs those of the same batch under it).", FIX);
        } else if (local != null && section.transaction()) {
            findings.add(Level.WARNING, "L413", file.path(), local.line(), "'" + local.source().summary()
                    + "' sets search_path until the end of the transaction, and the " + section.kind()
                    + " section does not set it back: " + DBMATE + ".", FIX);
        }
    }

    private static Effect effect(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return Effect.NONE;
        }
        if (TokenCursor.is(tokens.get(0), "RESET")) {
            return tokens.size() > 1 && (TokenCursor.is(tokens.get(1), "search_path")
                    || TokenCursor.is(tokens.get(1), "ALL")) ? Effect.RESETS_SESSION : Effect.NONE;
        }
        if (TokenCursor.is(tokens.get(0), "SET")) {
            return setEffect(tokens);
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (TokenCursor.is(tokens.get(i), "set_config") && tokens.get(i + 1).image.equals("(")
                    && TokenCursor.is(tokens.get(i + 2), "'search_path'")) {
                return lastArgumentIsFalse(tokens, i + 1) ? Effect.SETS_SESSION : Effect.SETS_LOCAL;
            }
        }
        return Effect.NONE;
    }

    /** {@code SET [SESSION | LOCAL] search_path {TO | =} ...}. */
    private static Effect setEffect(List<Token> tokens) {
        TokenCursor cursor = new TokenCursor(tokens);
        cursor.accept("SET");
        boolean local = cursor.accept("LOCAL");
        if (!local) {
            cursor.accept("SESSION");
        }
        if (!cursor.accept("search_path")) {
            return Effect.NONE;
        }
        if ((cursor.accept("TO") || cursor.accept("=")) && cursor.accept("DEFAULT")) {
            return local ? Effect.RESETS_LOCAL : Effect.RESETS_SESSION;
        }
        return local ? Effect.SETS_LOCAL : Effect.SETS_SESSION;
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
