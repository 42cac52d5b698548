package io.matey.engine.mysql;

/** MySQL's quoted text: strings and names in {@code '...'}, {@code "..."} or backticks. */
final class QuotedText {

    private QuotedText() {
    }

    /**
     * The index after the quoted text opening at {@code start} in {@code code}: a doubled quote stays inside, and so
     * does one a backslash escapes, but in backticks, and to the end where it is not closed.
     */
    static int end(String code, int start) {
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote && i + 1 < code.length() && code.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return code.length();
    }

    static boolean opens(char c) {
        return c == '\'' || c == '"' || c == '`';
    }
}
