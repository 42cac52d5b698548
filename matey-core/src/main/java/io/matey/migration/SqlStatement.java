package io.matey.migration;

/**
 * One executable statement cut from a larger text.
 *
 * @param sql  the statement text without the terminating semicolon, leading comments kept
 * @param line 1-based line in the source text where the statement's first token starts
 */
public record SqlStatement(String sql, int line) {

    /** The statement folded to one line and shortened, for error messages. */
    public String summary() {
        String folded = sql.replaceAll("\\s+", " ").strip();
        return folded.length() <= 120 ? folded : folded.substring(0, 117) + "...";
    }
}
