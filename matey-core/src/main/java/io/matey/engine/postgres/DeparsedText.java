package io.matey.engine.postgres;

/**
 * Scans SQL text as PostgreSQL's deparser prints it (docs/architecture.md §5): string literals and quoted names are
 * stepped over whole, so a parenthesis, comma or keyword inside one is not taken for the text's own.
 */
final class DeparsedText {

    private DeparsedText() {
    }

    /** The index just past the literal or quoted name starting at {@code i}; {@code i} where none starts there. */
    static int skipQuoted(String text, int i) {
        char quote = text.charAt(i);
        if (quote != '\'' && quote != '"') {
            return i;
        }
        // E'...' is printed only with standard_conforming_strings off; a backslash escapes in it
        boolean escapes = quote == '\'' && i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                && (i < 2 || !isNamePart(text.charAt(i - 2)));
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (escapes && c == '\\') {
                j++;
            } else if (c == quote) {
                if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
                    j++;
                } else {
                    return j + 1;
                }
            }
        }
        return text.length();
    }

    /** The index of the {@code ')'} that closes the {@code '('} at {@code open}; -1 for none. */
    static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            int skipped = skipQuoted(text, i);
            if (skipped > i) {
                i = skipped - 1;
            } else if (text.charAt(i) == '(') {
                depth++;
            } else if (text.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first index in [{@code from}, {@code to}) outside parentheses opened there where {@code token} starts
     * (a word, such as {@code WHERE}, only as a whole word, in any case); -1 for none.
     */
    static int find(String text, int from, int to, String token) {
        boolean word = Character.isLetter(token.charAt(0));
        int depth = 0;
        for (int i = from; i < to; i++) {
            int skipped = skipQuoted(text, i);
            if (skipped > i) {
                i = skipped - 1;
                continue;
            }
            if (depth == 0 && text.regionMatches(word, i, token, 0, token.length())
                    && (!word || (i == 0 || !isNamePart(text.charAt(i - 1)))
                            && (i + token.length() == text.length() || !isNamePart(text.charAt(i + token.length()))))) {
                return i;
            }
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return -1;
    }

    /** The index just past the one name, bare or quoted, starting at {@code i}; {@code i} where none starts there. */
    static int nameEnd(String text, int i) {
        if (i < text.length() && text.charAt(i) == '"') {
            return skipQuoted(text, i);
        }
        int end = i;
        while (end < text.length() && isNamePart(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The index just past the dotted name ({@code schema.name}) starting at {@code i}. */
    static int qualifiedNameEnd(String text, int i) {
        int end = nameEnd(text, i);
        while (end > i && end + 1 < text.length() && text.charAt(end) == '.' && nameEnd(text, end + 1) > end + 1) {
            end = nameEnd(text, end + 1);
        }
        return end;
    }

    static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
