package io.matey.migration;

import io.matey.migration.SqlDialect.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts SQL text into statements at top-level semicolons. It understands string literals, quoted identifiers,
 * line and block comments, PostgreSQL dollar-quoted bodies, MySQL's executable comments (read as code) and
 * compound-statement blocks ({@link CompoundBlocks}: SQLite triggers, MySQL routines and {@code BEGIN NOT ATOMIC},
 * PostgreSQL {@code BEGIN ATOMIC}), so semicolons inside those do not split; nor, where the dialect says so, do
 * semicolons inside parentheses. Fragments holding only comments or whitespace are dropped.
 */
public final class StatementSplitter {

    private final SqlDialect dialect;

    public StatementSplitter(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public List<SqlStatement> split(String text) {
        return split(text, 1);
    }

    /** Splits {@code text} whose first line is line {@code firstLine} of its file. */
    public List<SqlStatement> split(String text, int firstLine) {
        return new Scan(text, firstLine).run();
    }

    private final class Scan {
        private final String s;
        private final List<SqlStatement> out = new ArrayList<>();
        private int pos;
        private int line;
        private int start;
        private int tokenLine = -1;
        private CompoundBlocks blocks = new CompoundBlocks();
        private boolean sawToken;
        /** Inside {@code /*!...}: its closing {@code * /} ends the comment markers, not code. */
        private boolean inExecutableComment;

        Scan(String text, int firstLine) {
            this.s = text;
            this.line = firstLine;
        }

        List<SqlStatement> run() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '-' && peek(1) == '-' || c == '#' && dialect.has(Feature.HASH_COMMENTS)) {
                    skipLineComment();
                } else if (c == '/' && peek(1) == '*' && executableCommentOpenerLength() > 0) {
                    markToken();
                    pos += executableCommentOpenerLength();
                    inExecutableComment = true;
                } else if (c == '*' && peek(1) == '/' && inExecutableComment) {
                    pos += 2;
                    inExecutableComment = false;
                } else if (c == '/' && peek(1) == '*') {
                    skipBlockComment();
                } else if (c == ';') {
                    if (blocks.anyOpen() || dialect.has(Feature.SEMICOLONS_IN_PARENTHESES) && blocks.inParentheses()) {
                        blocks.semicolon();
                        pos++;
                    } else {
                        finishStatement(pos);
                        pos++;
                        start = pos;
                    }
                } else {
                    markToken();
                    scanToken(c);
                }
            }
            finishStatement(s.length());
            return out;
        }

        /** See {@link ExecutableComments}: the server runs their text, so it is scanned as code. */
        private int executableCommentOpenerLength() {
            return dialect.has(Feature.EXECUTABLE_COMMENTS) ? ExecutableComments.openerLength(s, pos) : 0;
        }

        private void scanToken(char c) {
            if (c == '\'') {
                boolean escapes = dialect.has(Feature.BACKSLASH_ESCAPES) || isEscapeStringPrefix();
                skipQuoted('\'', escapes);
            } else if (c == '"') {
                skipQuoted('"', dialect.has(Feature.BACKSLASH_ESCAPES));
            } else if (c == '`' && dialect.has(Feature.BACKTICK_QUOTES)) {
                skipQuoted('`', false);
            } else if (c == '[' && dialect.has(Feature.BRACKET_QUOTES)) {
                int end = s.indexOf(']', pos);
                int stop = end < 0 ? s.length() : end + 1;
                countLines(pos, stop);
                pos = stop;
            } else if (c == '$' && dialect.has(Feature.DOLLAR_QUOTES) && dollarTagAt(pos) != null) {
                skipDollarQuoted(dollarTagAt(pos));
            } else if (isWordStart(c)) {
                boolean qualified = pos > 0 && s.charAt(pos - 1) == '.';
                String word = readWord().toUpperCase(Locale.ROOT);
                blocks.word(word, qualified || peek(0) == '.');
                return;
            } else {
                blocks.punctuation(c);
                pos++;
                return;
            }
            blocks.other();
        }

        private void markToken() {
            if (!sawToken) {
                sawToken = true;
                tokenLine = line;
            }
        }

        private void finishStatement(int end) {
            if (sawToken) {
                String sql = s.substring(start, end).strip();
                out.add(new SqlStatement(sql, tokenLine));
            }
            sawToken = false;
            blocks = new CompoundBlocks();
        }

        private boolean isEscapeStringPrefix() {
            return dialect.has(Feature.ESCAPE_STRINGS) && pos > 0
                    && (s.charAt(pos - 1) == 'E' || s.charAt(pos - 1) == 'e')
                    && (pos < 2 || !isWordPart(s.charAt(pos - 2)));
        }

        private void skipQuoted(char quote, boolean backslashEscapes) {
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    line++;
                }
                if (backslashEscapes && c == '\\' && pos + 1 < s.length()) {
                    if (s.charAt(pos + 1) == '\n') {
                        line++;
                    }
                    pos += 2;
                } else if (c == quote) {
                    if (peek(1) == quote) {
                        pos += 2;
                    } else {
                        pos++;
                        return;
                    }
                } else {
                    pos++;
                }
            }
        }

        private String dollarTagAt(int p) {
            if (p > 0 && isWordPart(s.charAt(p - 1))) {
                return null; // foo$tag$bar is an identifier, not a quote
            }
            int q = p + 1;
            while (q < s.length() && (Character.isLetterOrDigit(s.charAt(q)) || s.charAt(q) == '_')) {
                q++;
            }
            if (q < s.length() && s.charAt(q) == '$' && (q == p + 1 || !Character.isDigit(s.charAt(p + 1)))) {
                return s.substring(p, q + 1);
            }
            return null;
        }

        private void skipDollarQuoted(String tag) {
            int end = s.indexOf(tag, pos + tag.length());
            int stop = end < 0 ? s.length() : end + tag.length();
            countLines(pos, stop);
            pos = stop;
        }

        private void skipLineComment() {
            while (pos < s.length() && s.charAt(pos) != '\n') {
                pos++;
            }
        }

        private void skipBlockComment() {
            int level = 0;
            while (pos < s.length()) {
                if (s.startsWith("/*", pos)) {
                    level = dialect.has(Feature.NESTED_BLOCK_COMMENTS) ? level + 1 : 1;
                    pos += 2;
                } else if (s.startsWith("*/", pos)) {
                    level--;
                    pos += 2;
                    if (level == 0) {
                        return;
                    }
                } else {
                    if (s.charAt(pos) == '\n') {
                        line++;
                    }
                    pos++;
                }
            }
        }

        private String readWord() {
            int from = pos;
            while (pos < s.length() && isWordPart(s.charAt(pos))) {
                pos++;
            }
            return s.substring(from, pos);
        }

        private void countLines(int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
        }

        private char peek(int offset) {
            int p = pos + offset;
            return p < s.length() ? s.charAt(p) : '\0';
        }
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
