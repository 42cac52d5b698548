package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A dumped {@code CREATE TABLE} statement split into what surrounds its parentheses and the elements between them:
 * columns by name (as the dump writes it, quotes included) and the other elements (constraints, MySQL's keys) in
 * order. Elements are split at top-level commas, so the layout does not matter: SQLite keeps a table's text as it
 * was written, the other dumpers put one element per line (docs/architecture.md §5).
 *
 * @param head        the text before the opening parenthesis
 * @param columns     column definitions by column name, in table order
 * @param constraints every other element, in table order
 * @param tail        the text after the closing parenthesis (table options)
 */
record TableElements(String head, Map<String, String> columns, List<String> constraints, String tail) {

    private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
            "KEY", "INDEX", "FULLTEXT", "SPATIAL", "EXCLUDE", "PERIOD", "LIKE");

    /** The table's elements, or null when the text is not a parenthesised CREATE TABLE this reader can split. */
    static TableElements parse(String block) {
        int open = block.indexOf('(');
        int close = block.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        List<String> elements = split(block.substring(open + 1, close));
        if (elements == null) {
            return null;
        }
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> constraints = new ArrayList<>();
        for (String element : elements) {
            String name = columnName(element);
            if (name == null) {
                constraints.add(element);
            } else if (columns.put(name, element) != null) {
                return null;
            }
        }
        return new TableElements(block.substring(0, open).strip(), columns, constraints,
                block.substring(close + 1).strip());
    }

    /** The elements between top-level commas, stripped; null when quotes, comments or parentheses do not close. */
    private static List<String> split(String body) {
        List<String> elements = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = body.indexOf(c, i + 1);
            } else if (c == '-' && body.startsWith("--", i)) {
                i = body.indexOf('\n', i);
            } else if (c == '/' && body.startsWith("/*", i)) {
                i = body.indexOf("*/", i + 2) + 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                elements.add(body.substring(start, i).strip());
                start = i + 1;
            }
            if (i < 0 || depth < 0) {
                return null;
            }
            i++;
        }
        elements.add(body.substring(start).strip());
        return depth == 0 ? elements : null;
    }

    /** The element's column name as written, or null when it is a constraint or key. */
    private static String columnName(String element) {
        if (element.isEmpty()) {
            return null;
        }
        char first = element.charAt(0);
        if (first == '"' || first == '`') {
            int end = element.indexOf(first, 1);
            return end < 0 ? null : element.substring(0, end + 1);
        }
        String word = element.split("[\\s(]", 2)[0];
        return CONSTRAINT_WORDS.contains(word.toUpperCase(Locale.ROOT)) ? null : word;
    }
}
