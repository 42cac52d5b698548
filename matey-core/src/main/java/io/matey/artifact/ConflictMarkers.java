package io.matey.artifact;

import java.util.OptionalInt;

/**
 * Git's merge conflict markers in a file: a line starting {@code <<<<<<<}, a later {@code =======} line and a
 * later line starting {@code >>>>>>>}, in that order, as {@code git merge} leaves them. A generated artifact holding
 * them is regenerated, never merged by hand; a migration holding them is resolved by hand (docs/architecture.md §4).
 */
public final class ConflictMarkers {

    private static final int SIZE = 7;

    private ConflictMarkers() {
    }

    /** The 1-based line of the first conflict's {@code <<<<<<<} marker; empty when the file holds no conflict. */
    public static OptionalInt firstLine(byte[] content) {
        int line = 1;
        int conflictLine = 0;
        char expected = '<';
        for (int start = 0; start < content.length; line++) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            if (isMarker(content, start, end, expected)) {
                if (expected == '<') {
                    conflictLine = line;
                    expected = '=';
                } else if (expected == '=') {
                    expected = '>';
                } else {
                    return OptionalInt.of(conflictLine);
                }
            }
            start = end + 1;
        }
        return OptionalInt.empty();
    }

    /**
     * Seven {@code marker} characters at the line's start, then its end or (for {@code <} and {@code >}) a space
     * before the branch's name; a CR before the newline is part of the end.
     */
    private static boolean isMarker(byte[] content, int start, int end, char marker) {
        if (end > start && content[end - 1] == '\r') {
            end--;
        }
        if (end - start < SIZE) {
            return false;
        }
        for (int i = start; i < start + SIZE; i++) {
            if (content[i] != marker) {
                return false;
            }
        }
        return end == start + SIZE || marker != '=' && content[start + SIZE] == ' ';
    }
}
