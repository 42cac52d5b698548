package io.matey.artifact;

import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;

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
        return firstLine(content.length, i -> content[i], from -> {
            int end = from;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            return end;
        });
    }

    /**
     * The same for decoded text (the markers are ASCII), so that a large migration is not encoded again; its lines
     * are found by {@code indexOf}, which reading them a character at a time through {@code at} took many times.
     */
    public static OptionalInt firstLine(String content) {
        return firstLine(content.length(), content::charAt, from -> {
            int end = content.indexOf('\n', from);
            return end < 0 ? content.length() : end;
        });
    }

    /**
     * {@code at} gives the character (or byte) at an index below {@code length}, {@code lineEnd} the index of the
     * line feed ending the line that starts at an index (or {@code length}).
     */
    private static OptionalInt firstLine(int length, IntUnaryOperator at, IntUnaryOperator lineEnd) {
        int line = 1;
        int conflictLine = 0;
        char expected = '<';
        for (int start = 0; start < length; line++) {
            int end = lineEnd.applyAsInt(start);
            if (isMarker(at, start, end, expected)) {
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
    private static boolean isMarker(IntUnaryOperator content, int start, int end, char marker) {
        if (end > start && content.applyAsInt(end - 1) == '\r') {
            end--;
        }
        if (end - start < SIZE) {
            return false;
        }
        for (int i = start; i < start + SIZE; i++) {
            if (content.applyAsInt(i) != marker) {
                return false;
            }
        }
        return end == start + SIZE || marker != '=' && content.applyAsInt(start + SIZE) == ' ';
    }
}
