package io.matey.engine.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name {@code PARTITION OF} gives a partition's copy of its parent's index, read from the partition index's
 * definition as {@code pg_get_indexdef} writes it ({@code ChooseIndexColumnNames}): each key or included column by
 * its name, an expression as {@code expr} (docs/architecture.md §5).
 */
final class ClonedIndexName {

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")*\"|[^\\s\".(),]+)";
    private static final Pattern INDEX = Pattern.compile("^CREATE (?:UNIQUE )?INDEX " + IDENT + " ON (?:ONLY )?(?:"
            + IDENT + "\\.)?(" + IDENT + ") USING \\S+ \\(");
    private static final Pattern COLUMN = Pattern.compile("^(" + IDENT + ")(?: |$)");
    private static final Pattern INCLUDE = Pattern.compile("^ INCLUDE \\(");

    private ClonedIndexName() {
    }

    /**
     * The name, quoted as the dump quotes it, with {@code clash}'s number where the names before it were taken; null
     * when {@code definition} is not an index's.
     */
    static String of(String definition, int clash) {
        Matcher m = INDEX.matcher(definition);
        if (!m.find()) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        int end = elements(definition, m.end(), columns);
        Matcher include = INCLUDE.matcher(definition.substring(end));
        if (include.find()) {
            elements(definition, end + include.end(), columns);
        }
        return PartitionKeyName.quoted(PartitionKeyName.index(unquoted(m.group(1)), columns, clash));
    }

    /** Adds the names of the list's elements that start at {@code start}; returns the index after its ')'. */
    private static int elements(String definition, int start, List<String> names) {
        int depth = 0;
        char quote = 0;
        int from = start;
        for (int i = start; i < definition.length(); i++) {
            char c = definition.charAt(i);
            boolean quoted = quote != 0;
            if (quoted ? c == quote : c == '"' || c == '\'') {
                quote = quoted ? 0 : c;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && (c == ',' || c == ')') && depth == 0) {
                names.add(name(definition.substring(from, i).strip()));
                from = i + 1;
                if (c == ')') {
                    return i + 1;
                }
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
        return definition.length();
    }

    private static String name(String element) {
        Matcher m = COLUMN.matcher(element);
        return m.find() ? unquoted(m.group(1)) : "expr";
    }

    private static String unquoted(String identifier) {
        return identifier.startsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }
}
