package io.matey.engine.sqlite;

import io.matey.migration.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed SQLite statement tells the user. The driver wraps SQLite's own message in its result code and that
 * code's generic text ({@code [SQLITE_ERROR] SQL error or missing database (near "x": syntax error)}), where the
 * other engines give the server's message alone. SQLite names no position, but a syntax error names the token it
 * stopped at and a missing name is quoted: where that text occurs once in the statement, its line is the one.
 */
final class SqliteFailures {

    private static final Pattern DRIVER_WRAPPING = Pattern.compile("\\[SQLITE_[A-Z_]+] [^(]*\\((.*)\\)",
            Pattern.DOTALL);
    private static final List<Pattern> NAMED_TEXT = List.of(
            Pattern.compile("near \"(.+)\": syntax error"),
            Pattern.compile("no such (?:column|table|index|function): (\\S+)"),
            Pattern.compile("has no column named (\\S+)"));

    private SqliteFailures() {
    }

    /** SQLITE_CONSTRAINT, the primary result code of every constraint failure (the driver reports no SQLSTATE). */
    private static final int CONSTRAINT = 19;

    /**
     * Whether a constraint refused the rows the statement met (NOT NULL, CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY):
     * the driver gives the primary result code, or the extended one whose low byte it is.
     */
    static boolean isConstraint(SQLException failure) {
        return (failure.getErrorCode() & 0xff) == CONSTRAINT;
    }

    /** SQLite's message for a statement over SQLITE_LIMIT_SQL_LENGTH, which Matey raises to the compiled maximum. */
    private static final String TOO_LONG = "statement too long";

    /**
     * SQLite's own message, without the driver's result code and its generic text; a statement too long is told
     * the limit and what to do.
     */
    static String message(SQLException failure) {
        String message = String.valueOf(failure.getMessage());
        Matcher wrapped = DRIVER_WRAPPING.matcher(message);
        String own = wrapped.matches() ? wrapped.group(1) : message;
        return own.equals(TOO_LONG) ? TOO_LONG + " (over SQLite's limit of 1,073,741,824 bytes a statement): split it "
                + "into several statements, e.g. an INSERT per batch of rows" : own;
    }

    /** The line of the text the message names when it occurs exactly once in the statement, else its first line. */
    static int line(SqlStatement statement, SQLException failure) {
        String message = message(failure);
        for (Pattern pattern : NAMED_TEXT) {
            Matcher named = pattern.matcher(message);
            if (named.find()) {
                int at = onlyOccurrence(statement.sql(), named.group(1));
                return at < 0 ? statement.line() : statement.lineAt(at);
            }
        }
        return statement.line();
    }

    /** Where {@code text} occurs once in {@code sql} as a whole token (not inside a longer name), else -1. */
    private static int onlyOccurrence(String sql, String text) {
        int found = -1;
        for (int at = sql.indexOf(text); at >= 0; at = sql.indexOf(text, at + 1)) {
            if (isWholeToken(sql, at, text)) {
                if (found >= 0) {
                    return -1;
                }
                found = at;
            }
        }
        return found;
    }

    private static boolean isWholeToken(String sql, int at, String text) {
        int end = at + text.length();
        boolean startsWord = isNamePart(text.charAt(0));
        boolean endsWord = isNamePart(text.charAt(text.length() - 1));
        return !(startsWord && at > 0 && isNamePart(sql.charAt(at - 1)))
                && !(endsWord && end < sql.length() && isNamePart(sql.charAt(end)));
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
