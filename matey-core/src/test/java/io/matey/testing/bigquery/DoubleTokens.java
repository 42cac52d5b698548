package io.matey.testing.bigquery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The double's GoogleSQL tokens: words, backticked names, string literals, numbers and symbols, with offsets. */
final class DoubleTokens {

    enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    record Token(Kind kind, String text, int start, int end) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    final String sql;
    final List<Token> tokens = new ArrayList<>();
    int at;

    DoubleTokens(String sql) {
        this.sql = sql;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i) || c == '#') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else if (c == '`') {
                int close = sql.indexOf('`', i + 1);
                if (close < 0) {
                    throw DoubleError.invalidQuery("Syntax error: Unclosed identifier literal at [1:" + (i + 1) + "]");
                }
                tokens.add(new Token(Kind.QUOTED, sql.substring(i + 1, close), i, close + 1));
                i = close + 1;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                StringBuilder value = new StringBuilder();
                while (j < sql.length() && sql.charAt(j) != c) {
                    if (sql.charAt(j) == '\\' && j + 1 < sql.length()) {
                        j++;
                    }
                    value.append(sql.charAt(j++));
                }
                if (j >= sql.length()) {
                    throw DoubleError.invalidQuery("Syntax error: Unclosed string literal at [1:" + (i + 1) + "]");
                }
                tokens.add(new Token(Kind.STRING, value.toString(), i, j + 1));
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, j), i, j));
                i = j;
            } else if (Character.isDigit(c) || c == '-' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < sql.length() && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, j), i, j));
                i = j;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(";")) {
            tokens.remove(tokens.size() - 1);
        }
    }

    boolean done() {
        return at >= tokens.size();
    }

    Token peek() {
        return done() ? new Token(Kind.SYMBOL, "<end>", sql.length(), sql.length()) : tokens.get(at);
    }

    /** The token after the next one. */
    Token peekAfter() {
        return at + 1 < tokens.size() ? tokens.get(at + 1) : new Token(Kind.SYMBOL, "<end>", sql.length(), sql.length());
    }

    Token next() {
        Token token = peek();
        at++;
        return token;
    }

    boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token token = at + i < tokens.size() ? tokens.get(at + i) : null;
            if (token == null || !(token.is(words[i]) || token.isSymbol(words[i]))) {
                return false;
            }
        }
        at += words.length;
        return true;
    }

    void expect(String word) {
        if (!accept(word)) {
            throw DoubleError.notImplemented("this syntax: expected \"" + word + "\" but got \"" + peek().text() + "\"");
        }
    }

    /** A dotted name; backticked parts are split at their dots, as BigQuery reads {@code `p.d.t`}. */
    List<String> name() {
        List<String> parts = new ArrayList<>();
        do {
            Token token = next();
            if (token.kind() == Kind.QUOTED) {
                parts.addAll(List.of(token.text().split("\\.")));
            } else if (token.kind() == Kind.WORD) {
                parts.add(token.text());
            } else {
                throw DoubleError.notImplemented("this syntax: expected a name but got \"" + token.text() + "\"");
            }
        } while (accept("."));
        return parts;
    }

    /** Text from the current token to the end of the statement, as written. */
    String rest() {
        return done() ? "" : sql.substring(peek().start(), tokens.get(tokens.size() - 1).end());
    }

    String identifier() {
        Token token = next();
        if (token.kind() != Kind.WORD && token.kind() != Kind.QUOTED) {
            throw DoubleError.notImplemented("this syntax: expected an identifier but got \"" + token.text() + "\"");
        }
        return token.text();
    }
}
