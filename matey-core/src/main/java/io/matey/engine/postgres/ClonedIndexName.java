package io.matey.engine.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.matey.schema.ElementList;

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
        List<String> elements = new ArrayList<>();
        int close = ElementList.split(definition, m.end(), elements);
        Matcher include = INCLUDE.matcher(definition.substring(close + 1));
        if (close >= 0 && include.find()) {
            ElementList.split(definition, close + 1 + include.end(), elements);
        }
        List<String> columns = new ArrayList<>();
        for (String element : elements) {
            columns.add(name(element));
        }
        return PartitionKeyName.quoted(PartitionKeyName.index(unquoted(m.group(1)), columns, clash));
    }

    private static String name(String element) {
        Matcher m = COLUMN.matcher(element);
        return m.find() ? unquoted(m.group(1)) : "expr";
    }

    static String unquoted(String identifier) {
        return identifier.startsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }
}
