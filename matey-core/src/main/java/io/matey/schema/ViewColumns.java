package io.matey.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL view whose columns were renamed out of band ({@code ALTER VIEW v RENAME COLUMN a TO b}) and which is
 * otherwise the same: the server prints it with each renamed column's expression {@code AS} its new name, so the two
 * texts differ only in the names after the expressions of items of the outer select list ({@code pg_get_viewdef}
 * writes one an indented line, the first after {@code SELECT}, and an item of several lines, a {@code CASE}, ends
 * on the line before the next item or the outer {@code FROM}; docs/architecture.md §7).
 */
final class ViewColumns {

    private static final String PART = "(?:\"(?:[^\"]|\"\")*\"|[\\w$]+)";
    /** An item with its name: what precedes the last {@code AS}, and the name after it. */
    private static final Pattern NAMED = Pattern.compile("^(.*) AS (" + PART + ")$");
    /** A column read by name, which names the view's column after itself without {@code AS}. */
    private static final Pattern COLUMN = Pattern.compile("^(?:" + PART + "\\.)*(" + PART + ")$");
    /** A select list item's line: the first after {@code SELECT}, the others indented by four. */
    private static final Pattern ITEM = Pattern.compile("^(?: SELECT |    (?! ))(.*?),?$");
    /** The last line of an item of several lines, indented deeper. */
    private static final Pattern LAST = Pattern.compile("^ {5,}(.*?),?$");

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
        boolean inList = true;
        for (int i = 1; i < before.size(); i++) {
            inList &= !clause(before.get(i));
            if (before.get(i).equals(after.get(i))) {
                continue;
            }
            // the last line of an outer item: the next one starts the next item or ends the list
            if (!inList || i + 1 >= before.size() || !ends(before.get(i + 1))) {
                return null;
            }
            boolean whole = ITEM.matcher(before.get(i)).matches();
            Matcher from = (whole ? ITEM : LAST).matcher(before.get(i));
            Matcher to = (whole ? ITEM : LAST).matcher(after.get(i));
            if (!from.matches() || !to.matches()) {
                return null;
            }
            // an item of several lines names its column after AS only: CASE ... END names it "case"
            String[] old = named(from.group(1), whole);
            String[] name = named(to.group(1), whole);
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
        return next.startsWith("    ") && !next.startsWith("     ") || clause(next);
    }

    /** Whether a line starts what follows the outer select list. */
    private static boolean clause(String line) {
        return line.startsWith("   FROM ") || line.startsWith("  WHERE ") || line.startsWith("  GROUP BY ")
                || line.startsWith("  ORDER BY ") || line.startsWith("UNION") || line.startsWith("  LIMIT ");
    }

    /**
     * An item's expression and the column name it gives (a bare column's own only for a whole item); null when the
     * name is not known from the text.
     */
    private static String[] named(String item, boolean whole) {
        Matcher named = NAMED.matcher(item);
        if (named.matches()) {
            return new String[] {named.group(1), named.group(2)};
        }
        Matcher column = COLUMN.matcher(item);
        return whole && column.matches() ? new String[] {item, column.group(1)} : null;
    }
}
