package io.matey.engine.clickhouse;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexer for the CREATE queries ClickHouse prints: enough to tell identifiers (bare, {@code `quoted`} or
 * {@code "quoted"}) from string literals, numbers, comments and punctuation, with each token's place in the text,
 * so that the dump can edit names without touching literals that merely contain them.
 */
final class ClickHouseTokens {

    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SPACE, PUNCTUATION }

    record Token(Kind kind, int start, int end, String text) {

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
        }

        /** An identifier's name without quotes, a string literal's value without quotes and escapes. */
        String value() {
            return switch (kind) {
                case QUOTED_NAME, STRING -> unescape(text.substring(1, text.length() - 1), text.charAt(0));
                default -> text;
            };
        }

        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private ClickHouseTokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end;
            Kind kind;
            if (Character.isWhitespace(c)) {
                end = i + 1;
                while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                kind = Kind.SPACE;
            } else if (c == '-' && text.startsWith("--", i) || c == '#') {
                end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                kind = Kind.SPACE;
            } else if (c == '/' && text.startsWith("/*", i)) {
                end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                kind = Kind.SPACE;
            } else if (c == '\'' || c == '`' || c == '"') {
                end = quotedEnd(text, i, c);
                kind = c == '\'' ? Kind.STRING : Kind.QUOTED_NAME;
            } else if (Character.isLetter(c) || c == '_') {
                end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                        || text.charAt(end) == '$')) {
                    end++;
                }
                kind = Kind.WORD;
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                kind = Kind.NUMBER;
            } else {
                end = i + 1;
                kind = Kind.PUNCTUATION;
            }
            tokens.add(new Token(kind, i, end, text.substring(i, end)));
            i = end;
        }
        return tokens;
    }

    /** The end of a quoted token: backslash escapes, or the quote doubled. */
    private static int quotedEnd(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** ClickHouse's escapes in names and strings: {@code \n}, {@code \t} and the like, {@code \xHH}, a quote doubled. */
    private static String unescape(String body, char quote) {
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 3 < body.length() && body.charAt(i + 1) == 'x'
                    && body.substring(i + 2, i + 4).matches("[0-9A-Fa-f]{2}")) {
                sb.append((char) Integer.parseInt(body.substring(i + 2, i + 4), 16));
                i += 3;
            } else if (c == '\\' && i + 1 < body.length()) {
                char escaped = body.charAt(++i);
                int at = "ntr0bfav".indexOf(escaped);
                sb.append(at < 0 ? escaped : "\n\t\r\0\b\f\7\13".charAt(at));
            } else if (c == quote && i + 1 < body.length() && body.charAt(i + 1) == quote) {
                sb.append(c);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The next token after {@code index} that is not space or a comment; null at the end. */
    static Token next(List<Token> tokens, int index) {
        for (int i = index + 1; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != Kind.SPACE) {
                return tokens.get(i);
            }
        }
        return null;
    }

    /** The token before {@code index} that is not space or a comment; null at the start. */
    static Token previous(List<Token> tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (tokens.get(i).kind() != Kind.SPACE) {
                return tokens.get(i);
            }
        }
        return null;
    }
}
