package io.matey.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL view whose columns were renamed out of band ({@code ALTER VIEW v RENAME COLUMN a TO b}) and which is
 * otherwise the same: the server prints it with each renamed column's expression {@code AS} its new name, so the two
 * texts differ only in the names after the expressions of single-line items of the outer select list
 * ({@code pg_get_viewdef} writes one an indented line, the first after {@code SELECT}; docs/architecture.md §7).
 */
final class ViewColumns {

    private static final String PART = "(?:\"(?:[^\"]|\"\")*\"|[\\w$]+)";
    /** An item with its name: what precedes the last {@code AS}, and the name after it. */
    private static final Pattern NAMED = Pattern.compile("^(.*) AS (" + PART + ")$");
    /** A column read by name, which names the view's column after itself without {@code AS}. */
    private static final Pattern COLUMN = Pattern.compile("^(?:" + PART + "\\.)*(" + PART + ")$");
    /** A select list item's line: the first after {@code SELECT}, the others indented by four. */
    private static final Pattern ITEM = Pattern.compile("^(?: SELECT |    (?! ))(.*?),?$");

    private ViewColumns() {
    }

    /**
     * The renamed columns, old name to new in the view's order, or null when the texts differ otherwise (or a column
     * took a name the view had, which would need a third name between).
     */
    static Map<String, String> renamed(String committed, String live) {
        List<String> before = committed.lines().toList();
        List<String> after = live.lines().toList();
        if (before.size() != after.size() || before.size() < 3 || !before.get(0).equals(after.get(0))) {
            return null;
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        for (int i = 1; i < before.size(); i++) {
            if (before.get(i).equals(after.get(i))) {
                continue;
            }
            Matcher from = ITEM.matcher(before.get(i));
            Matcher to = ITEM.matcher(after.get(i));
            // a line of its own: the next one starts the next item or ends the list
            if (i + 1 >= before.size() || !from.matches() || !to.matches() || !ends(before.get(i + 1))) {
                return null;
            }
            String[] old = named(from.group(1));
            String[] name = named(to.group(1));
            if (old == null || name == null || !old[0].equals(name[0]) || old[1].equals(name[1])) {
                return null;
            }
            renamed.put(old[1], name[1]);
        }
        return renamed.isEmpty() || renamed.values().stream().anyMatch(renamed::containsKey)
                || renamed.keySet().stream().anyMatch(renamed::containsValue) ? null : renamed;
    }

    /** Whether a line follows a whole item: the next item, or what follows the select list. */
    private static boolean ends(String next) {
        return next.startsWith("    ") && !next.startsWith("     ") || next.startsWith("   FROM ")
                || next.startsWith("  WHERE ") || next.startsWith("  GROUP BY ") || next.startsWith("  ORDER BY ")
                || next.startsWith("UNION") || next.startsWith("  LIMIT ");
    }

    /** An item's expression and the column name it gives; null when the name is not known from the text. */
    private static String[] named(String item) {
        Matcher named = NAMED.matcher(item);
        if (named.matches()) {
            return new String[] {named.group(1), named.group(2)};
        }
        Matcher column = COLUMN.matcher(item);
        return column.matches() ? new String[] {item, column.group(1)} : null;
    }
}
