package io.matey.schema;

import java.util.List;

/**
 * Splits a parenthesised list of dumped SQL (a table's elements, an index's columns, a routine's arguments) at its
 * top-level commas, skipping quoted text and comments (docs/architecture.md §5). A bracket is SQLite's quote
 * ({@code [a,b]}, which nothing inside escapes) or an array's ({@code ARRAY[1, 2]}, ClickHouse's {@code ['a', 'b']}):
 * brackets holding no quote or bracket are skipped whole, as either reads them, and others nest like parentheses.
 */
public final class ElementList {

    private ElementList() {
    }

    /**
     * Adds the elements from {@code start} to the parenthesis that closes the list, split at its top-level commas
     * and stripped, and returns that parenthesis' position; -1 when quotes, comments or parentheses do not close.
     */
    public static int split(String text, int start, List<String> elements) {
        int depth = 0;
        int from = start;
        for (int i = start; i >= 0 && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = text.indexOf(c, i + 1);
            } else if (c == '-' && text.startsWith("--", i)) {
                i = text.indexOf('\n', i);
            } else if (c == '/' && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? -1 : end + 1;
            } else if (c == '[') {
                int close = text.indexOf(']', i + 1);
                if (close > 0 && text.substring(i + 1, close).chars().noneMatch(ch -> ch == '[' || ch == '\'')) {
                    i = close;
                } else {
                    depth++;
                }
            } else if (c == ']') {
                depth--;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                elements.add(text.substring(from, i).strip());
                return i;
            } else if (c == ',' && depth == 0) {
                elements.add(text.substring(from, i).strip());
                from = i + 1;
            }
        }
        return -1;
    }
}
