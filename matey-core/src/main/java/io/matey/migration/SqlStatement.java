package io.matey.migration;

import io.matey.log.Secrets;

/**
 * One executable statement cut from a larger text.
 *
 * @param sql  the statement text without the terminating semicolon, leading comments kept
 * @param line 1-based line in the source text where the statement's first token starts
 */
public record SqlStatement(String sql, int line) {

    /**
     * The statement folded to one line and shortened, for error messages: leading comments are not the statement,
     * and passwords are masked.
     */
    public String summary() {
        String code = sql.substring(codeStart());
        String folded = (code.isBlank() ? sql : code).replaceAll("\\s+", " ").strip();
        String masked = Secrets.maskSql(folded);
        return masked.length() <= 120 ? masked : masked.substring(0, 117) + "...";
    }

    /**
     * The source line of character {@code index} of {@link #sql}, for a database that says where in the statement
     * it failed: {@link #line} is that of the first token, after any leading comments.
     */
    public int lineAt(int index) {
        int codeStart = codeStart();
        int at = Math.max(0, Math.min(index, sql.length()));
        return line + newlines(codeStart, at) - newlines(at, codeStart);
    }

    private int newlines(int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += sql.charAt(i) == '\n' ? 1 : 0;
        }
        return count;
    }

    /**
     * The text from the first token on: leading whitespace and comments ({@code --}, {@code #}, block) removed.
     * MySQL's and MariaDB's executable comments ({@code /*!...}, {@code /*M!...}) are code, read without their
     * markers ({@link ExecutableComments}), so the text starts with the statement the server runs.
     */
    public String code() {
        return ExecutableComments.unwrap(sql.substring(codeStart())).stripLeading();
    }

    /** Where the first token starts, after leading whitespace and comments. */
    private int codeStart() {
        int at = 0;
        while (at < sql.length()) {
            if (Character.isWhitespace(sql.charAt(at))) {
                at++;
            } else if (sql.startsWith("--", at) || sql.charAt(at) == '#') {
                int end = sql.indexOf('\n', at);
                at = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", at) && !sql.startsWith("/*!", at) && !sql.startsWith("/*M!", at)) {
                at = blockCommentEnd(at);
            } else {
                break;
            }
        }
        return at;
    }

    /** After the block comment opening at {@code at}, counting nested ones (PostgreSQL nests them). */
    private int blockCommentEnd(int at) {
        int depth = 0;
        for (int i = at; i < sql.length() - 1; i++) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i++;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i++;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return sql.length();
    }
}
