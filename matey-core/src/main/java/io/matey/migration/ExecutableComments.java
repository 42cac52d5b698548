package io.matey.migration;

/**
 * MySQL's and MariaDB's executable comments, {@code /*!50001 ... * /} and {@code /*M!100100 ... * /}: the server
 * runs their text (when its version is at least the number), so the checks that read a statement (write guards,
 * lint) must read it too (docs/architecture.md §3). The statement itself is sent as written: the server decides.
 */
final class ExecutableComments {

    private ExecutableComments() {
    }

    /**
     * {@code sql} with the markers of its executable comments blanked out, so that their text reads as code; every
     * other character, line break and offset stays where it was.
     */
    static String unwrap(String sql) {
        // One search for the common case, no comment at all: lint reads every statement's head once per rule.
        if (sql.indexOf("/*") < 0 || !sql.contains("/*!") && !sql.contains("/*M!")) {
            return sql;
        }
        char[] out = sql.toCharArray();
        boolean inside = false;
        int at = 0;
        while (at < out.length) {
            char c = out[at];
            if (c == '\'' || c == '"' || c == '`') {
                at = afterQuoted(sql, at);
            } else if (c == '-' && sql.startsWith("--", at) || c == '#') {
                int end = sql.indexOf('\n', at);
                at = end < 0 ? out.length : end;
            } else if (sql.startsWith("/*", at) && openerLength(sql, at) > 0) {
                int length = openerLength(sql, at);
                blank(out, at, length);
                at += length;
                inside = true;
            } else if (sql.startsWith("*/", at) && inside) {
                blank(out, at, 2);
                at += 2;
                inside = false;
            } else if (sql.startsWith("/*", at)) {
                int end = sql.indexOf("*/", at + 2);
                at = end < 0 ? out.length : end + 2;
            } else {
                at++;
            }
        }
        return new String(out);
    }

    /** The length of {@code /*!NNNNN} or {@code /*M!NNNNNN} at {@code at}, 0 when no executable comment opens there. */
    static int openerLength(String sql, int at) {
        int p = at + 2;
        if (p < sql.length() && sql.charAt(p) == 'M') {
            p++;
        }
        if (p >= sql.length() || sql.charAt(p) != '!') {
            return 0;
        }
        p++;
        while (p < sql.length() && Character.isDigit(sql.charAt(p))) {
            p++;
        }
        return p - at;
    }

    private static int afterQuoted(String sql, int at) {
        char quote = sql.charAt(at);
        int p = at + 1;
        while (p < sql.length()) {
            char c = sql.charAt(p);
            if (c == '\\' && quote != '`') {
                p += 2;
            } else if (c == quote) {
                return p + 1;
            } else {
                p++;
            }
        }
        return p;
    }

    private static void blank(char[] out, int from, int length) {
        for (int i = from; i < from + length; i++) {
            out[i] = ' ';
        }
    }
}
