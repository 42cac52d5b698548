package io.matey.shell.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a session line as sh splits them (README: piped lines are read as sh reads a script): blanks separate
 * words, quotes may open anywhere in a word ({@code --url='sqlite3:a b.db'}) and are removed, {@code '...'} keeps
 * every character, {@code "..."} lets a backslash escape only {@code \ " $ `}, and outside quotes a backslash escapes
 * any character. The line editor's parser keeps a quote that opens inside a word and drops backslashes within single
 * quotes, so it only finds the words Tab completes (docs/architecture.md §8). No expansion is done; an unclosed quote
 * runs to the end of the line.
 */
final class ShellWords {

    private ShellWords() {
    }

    static List<String> split(String line) {
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
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
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
        return words;
    }

    /** Appends the double-quoted text from {@code start}; returns the index after its closing quote. */
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
        return i;
    }
}
