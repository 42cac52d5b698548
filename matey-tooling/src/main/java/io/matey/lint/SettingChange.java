package io.matey.lint;

import java.util.List;
import net.sf.jsqlparser.parser.Token;

/**
 * What a PostgreSQL statement does to one run-time setting: {@code SET [SESSION | LOCAL] x {TO | =} ...},
 * {@code SET x TO DEFAULT}, {@code RESET x | ALL}, or {@code set_config('x', value, is_local)} anywhere in it (as
 * pg_dump's preamble writes it). L411, L413 and L419 follow a section's settings with it.
 */
final class SettingChange {

    enum Effect { NONE, SETS_SESSION, SETS_LOCAL, RESETS_SESSION, RESETS_LOCAL }

    private SettingChange() {
    }

    /**
     * What the statement does to {@code setting}. Only {@code RESET ALL} changes it without naming it, so no other
     * statement is lexed: that keeps data migrations cheap (README "Lint").
     *
     * @param builtInDefault the value that sets it back to the server's built-in default as {@code DEFAULT} does
     *                       ({@code 0} for a timeout), or null when none is taken for one
     */
    static Effect of(ParsedStatement statement, String setting, String builtInDefault) {
        if (!statement.mentions(setting) && !statement.startsWith("RESET")) {
            return Effect.NONE;
        }
        List<Token> tokens = statement.tokens();
        if (tokens.isEmpty()) {
            return Effect.NONE;
        }
        if (TokenCursor.is(tokens.get(0), "RESET")) {
            return tokens.size() > 1 && (TokenCursor.is(tokens.get(1), setting)
                    || TokenCursor.is(tokens.get(1), "ALL")) ? Effect.RESETS_SESSION : Effect.NONE;
        }
        if (TokenCursor.is(tokens.get(0), "SET")) {
            return set(tokens, setting, builtInDefault);
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (TokenCursor.is(tokens.get(i), "set_config") && tokens.get(i + 1).image.equals("(")
                    && TokenCursor.is(tokens.get(i + 2), "'" + setting + "'")) {
                boolean local = !lastArgumentIsFalse(tokens, i + 1);
                boolean reset = i + 5 < tokens.size() && tokens.get(i + 3).image.equals(",")
                        && isValue(tokens.get(i + 4), builtInDefault) && tokens.get(i + 5).image.equals(",");
                return effect(local, reset);
            }
        }
        return Effect.NONE;
    }

    /** {@code SET [SESSION | LOCAL] setting {TO | =} ...}. */
    private static Effect set(List<Token> tokens, String setting, String builtInDefault) {
        TokenCursor cursor = new TokenCursor(tokens);
        cursor.accept("SET");
        boolean local = cursor.accept("LOCAL");
        if (!local) {
            cursor.accept("SESSION");
        }
        if (!cursor.accept(setting)) {
            return Effect.NONE;
        }
        int value = cursor.position() + 1;
        boolean reset = cursor.acceptAny("TO", "=") && (cursor.accept("DEFAULT")
                || value == tokens.size() - 1 && isValue(tokens.get(value), builtInDefault));
        return effect(local, reset);
    }

    private static Effect effect(boolean local, boolean reset) {
        if (reset) {
            return local ? Effect.RESETS_LOCAL : Effect.RESETS_SESSION;
        }
        return local ? Effect.SETS_LOCAL : Effect.SETS_SESSION;
    }

    /** The token is this value, bare or quoted. */
    private static boolean isValue(Token token, String value) {
        return value != null && (token.image.equals(value) || token.image.equals("'" + value + "'"));
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
