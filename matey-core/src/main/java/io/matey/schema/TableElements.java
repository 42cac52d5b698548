package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dumped {@code CREATE TABLE} statement split into what surrounds its parentheses and the elements between them:
 * columns by name (as the dump writes it, quotes included) and the other elements (constraints, MySQL's keys,
 * ClickHouse's projections) in order. Elements are split at top-level commas, so the layout does not matter: SQLite
 * keeps a table's text as it was written, the other dumpers put one element per line (docs/architecture.md §5).
 *
 * @param head        the text before the opening parenthesis
 * @param columns     column definitions by column name, in table order
 * @param constraints every other element, in table order
 * @param tail        the text after the closing parenthesis (table options)
 */
record TableElements(String head, Map<String, String> columns, List<String> constraints, String tail) {

    /**
     * How a constraint or key starts. The words no engine takes unquoted as a column's name start one alone; the
     * others (SQLite takes key, like, exclude, period, fulltext and spatial unquoted, PostgreSQL index, key and
     * exclude) only with what follows them: a key's or index's column list or ClickHouse's {@code TYPE ... GRANULARITY n}, an exclusion's
     * {@code USING} or list, a period's {@code FOR}, a {@code LIKE}'s {@code INCLUDING} (docs/architecture.md §3).
     */
    private static final Pattern CONSTRAINT = Pattern.compile("(?is)^(?:(?:CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN)\\b"
            + "|(?:FULLTEXT|SPATIAL)\\s+(?:KEY|INDEX)\\b"
            + "|(?:KEY|INDEX)\\b\\s*(?:(?:`(?:[^`]|``)*`|\"(?:[^\"]|\"\")*\")\\s*|[^\\s(`\"]+\\s+)?\\("
            + "|INDEX\\s+\\S+\\s.*\\sTYPE\\s.*\\sGRANULARITY\\s+\\d+$"
            + "|EXCLUDE\\s*(?:USING\\b|\\()|PERIOD\\s+FOR\\b|LIKE\\s+\\S+\\s+(?:IN|EX)CLUDING\\b)");

    private static final Pattern NAMED = Pattern.compile(
            "^(?:CONSTRAINT|PROJECTION|(?:(?:UNIQUE|FULLTEXT|SPATIAL) )?(?:KEY|INDEX)) (\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`|[^\\s(\"`]+)");

    /**
     * ClickHouse's {@code PROJECTION name (SELECT ...)} or {@code PROJECTION name INDEX expr TYPE ...}, told from a
     * column named projection (SQLite keeps a table's text as written) by what follows its name.
     */
    private static final Pattern PROJECTION = Pattern.compile(
            "^PROJECTION\\s+(?:`(?:[^`]|``)*`|[^\\s(`]+)\\s*(?:\\(\\s*SELECT|INDEX)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * What PostgreSQL writes before a table's element list where there may be none: a partition's bound (the list of
     * a partition, its constraints alone, precedes it), or a typed table's type, whose columns a list only gives
     * options (docs/architecture.md §5).
     */
    private static final Pattern NO_COLUMNS = Pattern.compile("\\sFOR VALUES\\s|\\sDEFAULT\\s|(?<!PARTITION)\\sOF\\s");

    /**
     * The table's elements, or null when the text is not a parenthesised CREATE TABLE this reader can split, or
     * lists no columns of its own there (a typed table, a partition without constraints).
     */
    static TableElements parse(String block) {
        int open = block.indexOf('(');
        if (open >= 0 && NO_COLUMNS.matcher(block.substring(0, open)).find()) {
            return null;
        }
        List<String> elements = new ArrayList<>();
        int close = open < 0 ? -1 : ElementList.split(block, open + 1, elements);
        if (close < 0) {
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

    /**
     * The name a constraint or key element is dropped by, as written: {@code CONSTRAINT name ...}, ClickHouse's
     * {@code PROJECTION name ...}, MySQL's {@code [UNIQUE|FULLTEXT|SPATIAL] KEY name (...)}, or {@code PRIMARY KEY}
     * for MySQL's unnamed primary key; null for an unnamed constraint (SQLite's {@code CHECK (...)}).
     */
    static String constraintName(String element) {
        Matcher named = NAMED.matcher(element);
        return element.startsWith("PRIMARY KEY") ? "PRIMARY KEY" : named.find() ? named.group(1) : null;
    }

    /**
     * The columns a {@code [CONSTRAINT name] PRIMARY KEY (...)} element lists, by name as written (without a prefix
     * length or order); none for another element.
     */
    static List<String> primaryKeyColumns(String element) {
        Matcher named = NAMED.matcher(element);
        String key = element.startsWith("CONSTRAINT ") && named.find() ? element.substring(named.end()).strip() : element;
        List<String> parts = new ArrayList<>();
        if (!key.startsWith("PRIMARY KEY") || ElementList.split(key, key.indexOf('(') + 1, parts) < 0) {
            return List.of();
        }
        return parts.stream().map(TableElements::columnName).toList();
    }

    /** The element's column name as written, or null when it is a constraint or key. */
    private static String columnName(String element) {
        if (element.isEmpty()) {
            return null;
        }
        char first = element.charAt(0);
        if (first == '[') {
            // SQLite's bracket quotes, which nothing inside them escapes
            int end = element.indexOf(']');
            return end < 0 ? null : element.substring(0, end + 1);
        }
        if (first == '"' || first == '`') {
            // a quote inside the name is doubled
            int end = element.indexOf(first, 1);
            while (end > 0 && end + 1 < element.length() && element.charAt(end + 1) == first) {
                end = element.indexOf(first, end + 2);
            }
            return end < 0 ? null : element.substring(0, end + 1);
        }
        boolean other = CONSTRAINT.matcher(element).find() || PROJECTION.matcher(element).find();
        return other ? null : element.split("[\\s(]", 2)[0];
    }
}
