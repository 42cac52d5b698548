package io.matey.lint;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.parser.Token;

/**
 * Reads a statement's fixed keyword head (such as {@code CREATE UNIQUE INDEX CONCURRENTLY ... ON t}) from
 * JSqlParser's token stream. Keywords are compared with token images, so a quoted name or a string literal
 * never matches one.
 */
final class TokenCursor {

    private final List<Token> tokens;
    private int pos;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    static boolean is(Token token, String keyword) {
        return token.image.equalsIgnoreCase(keyword);
    }

    /** Consumes the keywords when the next tokens are exactly these, else consumes nothing. */
    boolean accept(String... keywords) {
        if (pos + keywords.length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < keywords.length; i++) {
            if (!is(tokens.get(pos + i), keywords[i])) {
                return false;
            }
        }
        pos += keywords.length;
        return true;
    }

    /** Consumes one of these keywords if it comes next. */
    boolean acceptAny(String... keywords) {
        for (String keyword : keywords) {
            if (accept(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Consumes any run of these keywords, in any order. */
    void skipAll(String... keywords) {
        boolean skipped;
        do {
            skipped = acceptAny(keywords);
        } while (skipped);
    }

    /** The index of the next token to read. */
    int position() {
        return pos;
    }

    boolean peek(String keyword) {
        return pos < tokens.size() && is(tokens.get(pos), keyword);
    }

    /** Whether these keywords follow, in a row, outside parentheses (consuming nothing). */
    boolean containsAtTopLevel(String... keywords) {
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            String image = tokens.get(i).image;
            depth += image.equals("(") ? 1 : image.equals(")") ? -1 : 0;
            if (depth == 0 && new TokenCursor(tokens.subList(i, tokens.size())).accept(keywords)) {
                return true;
            }
        }
        return false;
    }

    /** Consumes up to and including the first of this keyword outside parentheses; consumes nothing without one. */
    boolean skipPastTopLevel(String keyword) {
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            String image = tokens.get(i).image;
            depth += image.equals("(") ? 1 : image.equals(")") ? -1 : 0;
            if (depth == 0 && is(tokens.get(i), keyword)) {
                pos = i + 1;
                return true;
            }
        }
        return false;
    }

    /**
     * The tokens up to the first of this keyword outside parentheses (or the end), as written: images joined by a
     * space, none inside parentheses or before a comma; consumes them (not the keyword).
     */
    String textToTopLevel(String keyword) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (; pos < tokens.size(); pos++) {
            String image = tokens.get(pos).image;
            if (depth == 0 && is(tokens.get(pos), keyword)) {
                break;
            }
            depth += image.equals("(") ? 1 : image.equals(")") ? -1 : 0;
            boolean glued = text.isEmpty() || image.equals("(") || image.equals(")") || image.equals(",")
                    || text.charAt(text.length() - 1) == '(';
            text.append(glued ? "" : " ").append(image);
        }
        return text.toString();
    }

    /** The top-level clauses from {@code from}, split at commas outside parentheses ({@code ALTER TABLE}'s). */
    static List<List<Token>> clauses(List<Token> tokens, int from) {
        List<List<Token>> clauses = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i <= tokens.size(); i++) {
            String image = i < tokens.size() ? tokens.get(i).image : ",";
            depth += image.equals("(") ? 1 : image.equals(")") ? -1 : 0;
            if (depth == 0 && image.equals(",") || i == tokens.size()) {
                clauses.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        return clauses;
    }

    /** A possibly qualified name ({@code s.t}); returns its last part unquoted, or null when none follows. */
    String name() {
        List<String> parts = nameParts();
        return parts.isEmpty() ? null : parts.get(parts.size() - 1);
    }

    /** A possibly qualified name with its qualifier, each part unquoted ({@code "s"."t"} → {@code s.t}); or null. */
    String qualifiedName() {
        List<String> parts = nameParts();
        return parts.isEmpty() ? null : String.join(".", parts);
    }

    private List<String> nameParts() {
        List<String> parts = new ArrayList<>();
        if (pos >= tokens.size() || isPunctuation(tokens.get(pos))) {
            return parts;
        }
        parts.add(Names.unquote(tokens.get(pos++).image));
        while (peek(".") && pos + 1 < tokens.size() && !isPunctuation(tokens.get(pos + 1))) {
            parts.add(Names.unquote(tokens.get(pos + 1).image));
            pos += 2;
        }
        return parts;
    }

    /** A string literal ({@code 'x'}) as written, quotes included; or null when none follows. */
    String literal() {
        return pos < tokens.size() && tokens.get(pos).image.startsWith("'") ? tokens.get(pos++).image : null;
    }

    /** A comma-separated list of names, as in {@code DROP TABLE a, b}. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (String name = name(); name != null; name = accept(",") ? name() : null) {
            names.add(name);
        }
        return names;
    }

    private static boolean isPunctuation(Token token) {
        return token.image.equals("(") || token.image.equals(")") || token.image.equals(",")
                || token.image.equals(".") || token.image.equals(";");
    }
}
