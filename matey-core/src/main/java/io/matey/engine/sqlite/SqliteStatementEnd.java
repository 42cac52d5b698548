package io.matey.engine.sqlite;

import java.util.Locale;

/**
 * Where SQLite ends the first statement of a text, by the rule of its {@code sqlite3_complete()}: at a semicolon,
 * except inside {@code CREATE [TEMP] TRIGGER}, which ends at {@code ; END ;}. sqlite-jdbc runs only the first
 * statement of what it is given and drops the rest unseen, so Matey checks each statement it sends against this
 * second reading, independent of its own splitter (docs/architecture.md §3).
 */
final class SqliteStatementEnd {

    private enum Token { SEMI, SPACE, OTHER, EXPLAIN, CREATE, TEMP, TRIGGER, END }

    /** sqlite3_complete()'s transitions: rows are the states, columns the tokens in {@link Token}'s order. */
    private static final int[][] NEXT = {
            /* 0 INVALID */ {1, 0, 2, 3, 4, 2, 2, 2},
            /* 1 START   */ {1, 1, 2, 3, 4, 2, 2, 2},
            /* 2 NORMAL  */ {1, 2, 2, 2, 2, 2, 2, 2},
            /* 3 EXPLAIN */ {1, 3, 3, 2, 4, 2, 2, 2},
            /* 4 CREATE  */ {1, 4, 2, 2, 2, 4, 5, 2},
            /* 5 TRIGGER */ {6, 5, 5, 5, 5, 5, 5, 5},
            /* 6 SEMI    */ {6, 6, 5, 5, 5, 5, 5, 7},
            /* 7 END     */ {1, 7, 5, 5, 5, 5, 5, 5},
    };
    private static final int START = 1;

    private SqliteStatementEnd() {
    }

    /**
     * The offset in {@code sql} where a second statement starts after the first one has ended, or -1 when the text
     * holds one statement (trailing semicolons, spaces and comments are none).
     */
    static int secondStatementAt(String sql) {
        int state = 0;
        boolean ended = false;
        int at = 0;
        while (at < sql.length()) {
            int end = tokenEnd(sql, at);
            Token token = token(sql, at, end);
            if (ended && token != Token.SPACE && token != Token.SEMI) {
                return at;
            }
            int next = NEXT[state][token.ordinal()];
            ended |= next == START && state != START && state != 0;
            state = next;
            at = end;
        }
        return -1;
    }

    private static int tokenEnd(String sql, int at) {
        char c = sql.charAt(at);
        if (sql.startsWith("--", at)) {
            int end = sql.indexOf('\n', at);
            return end < 0 ? sql.length() : end + 1;
        }
        if (sql.startsWith("/*", at)) {
            int end = sql.indexOf("*/", at + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        if (c == '[') {
            return closing(sql, at, ']');
        }
        if (c == '\'' || c == '"' || c == '`') {
            return closing(sql, at, c);
        }
        if (isIdChar(c)) {
            int end = at;
            while (end < sql.length() && isIdChar(sql.charAt(end))) {
                end++;
            }
            return end;
        }
        return at + 1;
    }

    private static int closing(String sql, int at, char quote) {
        int end = sql.indexOf(quote, at + 1);
        return end < 0 ? sql.length() : end + 1;
    }

    private static Token token(String sql, int at, int end) {
        char c = sql.charAt(at);
        if (c == ';') {
            return Token.SEMI;
        }
        if (Character.isWhitespace(c) || sql.startsWith("--", at) || sql.startsWith("/*", at)) {
            return Token.SPACE;
        }
        if (!isIdChar(c) || Character.isDigit(c) || end - at < 3 || end - at > 9) {
            return Token.OTHER; // no keyword of the rule is shorter than END or longer than TEMPORARY
        }
        return switch (sql.substring(at, end).toUpperCase(Locale.ROOT)) {
            case "EXPLAIN" -> Token.EXPLAIN;
            case "CREATE" -> Token.CREATE;
            case "TEMP", "TEMPORARY" -> Token.TEMP;
            case "TRIGGER" -> Token.TRIGGER;
            case "END" -> Token.END;
            default -> Token.OTHER;
        };
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
    }
}
