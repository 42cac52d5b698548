package io.matey.codegen.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SQL tokenizer for the engines' schema readers, which cut parts out of DDL text the catalog keeps
 * (SQLite's {@code sqlite_master} has no columns for check constraints, generation expressions or index
 * expressions). Tokens keep their offsets so that expressions are returned exactly as written.
 */
public final class SqlTokens {

    public enum Kind { WORD, IDENTIFIER, STRING, NUMBER, PUNCT }

    public record Token(Kind kind, String text, int start, int end) {
        public boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.PUNCT) && text.equalsIgnoreCase(word);
        }

        /** The identifier or word with quotes removed. */
        public String name() {
            if (kind != Kind.IDENTIFIER) {
                return text;
            }
            char open = text.charAt(0);
            String inner = text.substring(1, text.length() - 1);
            return switch (open) {
                case '"' -> inner.replace("\"\"", "\"");
                case '`' -> inner.replace("``", "`");
                default -> inner;
            };
        }
    }

    private SqlTokens() {
    }

    public static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == close) {
                        if (close != ']' && j + 1 < n && sql.charAt(j + 1) == close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, n);
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.IDENTIFIER, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                tokens.add(new Token(Character.isDigit(c) ? Kind.NUMBER : Kind.WORD, sql.substring(i, j), i, j));
                i = j;
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /** The index of the parenthesis closing the one at {@code open}. */
    public static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")") && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses");
    }

    /** The index of the first {@code (} at or after {@code from}. */
    public static int nextOpen(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                return i;
            }
        }
        return -1;
    }

    /** Splits the tokens strictly between {@code open} and {@code close} at commas outside parentheses. */
    public static List<List<Token>> splitList(List<Token> tokens, int open, int close) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (depth == 0 && t.is(",")) {
                parts.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    /** The source text from the start of token {@code from} to the end of token {@code to}, inclusive. */
    public static String text(String sql, List<Token> tokens, int from, int to) {
        return sql.substring(tokens.get(from).start(), tokens.get(to).end());
    }

    public static String upper(Token token) {
        return token.text().toUpperCase(Locale.ROOT);
    }
}
