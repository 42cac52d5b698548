package io.matey.migration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One executable statement cut from a larger text.
 *
 * @param sql  the statement text without the terminating semicolon, leading comments kept
 * @param line 1-based line in the source text where the statement's first token starts
 */
public record SqlStatement(String sql, int line) {

    /**
     * A password a statement may carry: {@code password=x} of a connection string (a subscription's, inside its
     * literal) or URL, {@code PASSWORD 'x'} of a role or an OPTIONS list, {@code user:x@} of a URL.
     */
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)(\\bpassword\\s*=\\s*)(?:''.*?''|'[^']*'|[^\\s&';)]+)|(\\bpassword\\s+)'(?:[^']|'')*'"
                    + "|(?<=://)([^:/@\\s']*):[^@\\s']*@");

    /**
     * The statement folded to one line and shortened, for error messages: leading comments are not the statement,
     * and passwords are masked.
     */
    public String summary() {
        String code = code();
        String folded = (code.isBlank() ? sql : code).replaceAll("\\s+", " ").strip();
        String masked = PASSWORD.matcher(folded).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null
                ? m.group(1) + "****" : m.group(2) != null ? m.group(2) + "'****'" : m.group(3) + ":****@"));
        return masked.length() <= 120 ? masked : masked.substring(0, 117) + "...";
    }

    /**
     * The text from the first token on: leading whitespace and comments ({@code --}, {@code #}, block) removed.
     * MySQL's executable comments ({@code /*!...}) are code.
     */
    public String code() {
        int at = 0;
        while (at < sql.length()) {
            if (Character.isWhitespace(sql.charAt(at))) {
                at++;
            } else if (sql.startsWith("--", at) || sql.charAt(at) == '#') {
                int end = sql.indexOf('\n', at);
                at = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", at) && !sql.startsWith("/*!", at)) {
                at = blockCommentEnd(at);
            } else {
                break;
            }
        }
        return sql.substring(at);
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
