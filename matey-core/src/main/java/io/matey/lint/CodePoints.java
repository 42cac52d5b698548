package io.matey.lint;

import java.util.Arrays;

/** Compares strings by Unicode code point, as Python's sorting does (UTF-16 order differs for astral characters). */
final class CodePoints {

    private CodePoints() {
    }

    static int compare(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
