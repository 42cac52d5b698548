package io.matey.shell.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a session line as sh splits them (README: piped lines are read as sh reads a script): blanks separate
 * words, quotes may open anywhere in a word ({@code --url='sqlite3:a b.db'}) and are removed, {@code '...'} keeps
 * every character, {@code "..."} lets a backslash escape only {@code \ " $ `}, and outside quotes a backslash escapes
 * any character. The line editor's parser keeps a quote that opens inside a word and drops backslashes within single
 * quotes, so it only finds the words Tab completes (docs/architecture.md §8). No expansion is done; a line with an unclosed
 * quote is refused ({@link #unclosedQuote}).
 */
final class ShellWords {

    private ShellWords() {
    }

    /** The words of a line, an unclosed quote running to its end. */
    static List<String> split(String line) {
        return scan(line).words();
    }

    /** The index of a quote the line opens and does not close, or -1: sh refuses such a line, and so does a session. */
    static int unclosedQuote(String line) {
        return scan(line).unclosedQuote();
    }

    private record Scan(List<String> words, int unclosedQuote) {
    }

    private static Scan scan(String line) {
        int unclosed = -1;
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                int end = close < 0 ? line.length() : close;
                unclosed = close < 0 ? i : unclosed;
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                int next = doubleQuoted(line, i + 1, word);
                unclosed = next > line.length() ? i : unclosed;
                i = next;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return new Scan(words, unclosed);
    }

    /**
     * Appends the double-quoted text from {@code start}; returns the index after its closing quote, past the line's
     * length when it has none.
     */
    private static int doubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\\\"$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        return i + 1;
    }
}
