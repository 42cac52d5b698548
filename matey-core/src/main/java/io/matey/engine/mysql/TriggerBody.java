package io.matey.engine.mysql;

import java.sql.SQLException;

/**
 * A trigger's body, cut from the server's copy of its {@code CREATE TRIGGER} ({@code SHOW CREATE TRIGGER}), which
 * keeps string literals as written. MariaDB's {@code information_schema.TRIGGERS.ACTION_STATEMENT} drops their
 * backslash escapes ({@code '\\t'} reads {@code '\t'}, a tab once loaded; {@code '\\'} does not load), so a body
 * taken from there would load with another meaning or not at all (docs/architecture.md §5).
 */
final class TriggerBody {

    private TriggerBody() {
    }

    /**
     * The text after the header's {@code FOR EACH ROW} and any {@code FOLLOWS}/{@code PRECEDES} clause (MySQL keeps
     * it, MariaDB drops it), found past comments, quoted names and strings, which may hold those words.
     */
    static String of(String trigger, String statement) throws SQLException {
        String beforeLast = "";
        String last = "";
        int i = skipSpace(statement, 0);
        while (i < statement.length()) {
            int end = tokenEnd(statement, i);
            String token = statement.substring(i, end);
            i = skipSpace(statement, end);
            if (token.equalsIgnoreCase("ROW") && beforeLast.equalsIgnoreCase("FOR") && last.equalsIgnoreCase("EACH")) {
                if (i < statement.length()) {
                    String next = statement.substring(i, tokenEnd(statement, i));
                    if (next.equalsIgnoreCase("FOLLOWS") || next.equalsIgnoreCase("PRECEDES")) {
                        i = skipSpace(statement, tokenEnd(statement, skipSpace(statement, i + next.length())));
                    }
                }
                return statement.substring(i).strip();
            }
            beforeLast = last;
            last = token;
        }
        throw new SQLException("SHOW CREATE TRIGGER " + Backticks.quote(trigger) + " printed no FOR EACH ROW before a"
                + " body; Matey cannot dump this trigger faithfully.");
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else if (c == '#' || s.startsWith("--", i) && (i + 2 == s.length() || Character.isWhitespace(s.charAt(i + 2)))) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end + 1;
            } else {
                return i;
            }
        }
        return i;
    }

    /** The end of the token at {@code i}: a quoted name or string, a word, or one other character. */
    private static int tokenEnd(String s, int i) {
        if (QuotedText.opens(s.charAt(i))) {
            return QuotedText.end(s, i);
        }
        int j = i;
        while (j < s.length() && isWordPart(s.charAt(j))) {
            j++;
        }
        return j == i ? i + 1 : j;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
