package io.matey.engine.sqlite;

import java.util.List;

/**
 * The comment the sqlite3 shell's {@code .schema} (and so {@code dbmate dump}) appends to every view, on a line of its
 * own: {@code CREATE VIEW v AS SELECT ...\n/* v(a,b) *}{@code /}. Loading such a dump stores it as part of the view's
 * SQL, so without this a database {@code dbmate load} built would dump differently from the migrations' schema on
 * every view (docs/architecture.md §5). Only a final comment naming the view itself, bare or double-quoted as the
 * shell writes it, is dropped (each such one, as every dump-and-load round adds another); any other text stays.
 */
final class ShellViewComment {

    private static final String END = ") */";

    private ShellViewComment() {
    }

    /** The view's stored {@code sql} without the shell's trailing comments naming {@code view}. */
    static String stripped(String view, String sql) {
        String text = sql.stripTrailing();
        int start;
        while ((start = commentStart(text, view)) >= 0) {
            text = text.substring(0, start).stripTrailing();
        }
        return text;
    }

    /** Where a final line {@code /* <view>(<columns>) *}{@code /} starts, or -1 when the text ends otherwise. */
    private static int commentStart(String text, String view) {
        if (!text.endsWith(END)) {
            return -1;
        }
        for (String name : List.of(view, "\"" + view.replace("\"", "\"\"") + "\"")) {
            String opening = "\n/* " + name + "(";
            int start = text.lastIndexOf(opening);
            if (start >= 0 && !text.substring(start + opening.length(), text.length() - 2).contains("*/")) {
                return start;
            }
        }
        return -1;
    }
}
