package io.matey.engine.bigquery;

import java.util.ArrayList;
import java.util.List;

/**
 * Strips a dataset's own qualifiers from DDL (docs/architecture.md §5): {@code `p.ds.t`}, {@code `p`.`ds`.t},
 * {@code ds.t} become {@code `t`} or {@code t} when {@code p} and {@code ds} are the dataset's project and name, so
 * that the dump of one dataset equals the same schema in another, and loads into another. Names in other datasets
 * keep their qualifiers; string literals and comments are left as they are.
 */
final class SelfQualifiers {

    private final String project;
    private final String dataset;

    SelfQualifiers(String project, String dataset) {
        this.project = project;
        this.dataset = dataset;
    }

    String strip(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = stringEnd(sql, i);
            } else if (sql.startsWith("--", i) || c == '#') {
                end = sql.indexOf('\n', i) < 0 ? sql.length() : sql.indexOf('\n', i);
            } else if (sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2) < 0 ? sql.length() : sql.indexOf("*/", i + 2) + 2;
            } else if (c == '`' || isIdentifierStart(c) && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                end = path(sql, i, out);
                i = end;
                continue;
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    /** Reads a dotted name starting at {@code start}, appends it (stripped where it is self-qualified), returns its end. */
    private int path(String sql, int start, StringBuilder out) {
        List<String> parts = new ArrayList<>();
        boolean lastQuoted = false;
        int at = start;
        while (true) {
            int partEnd;
            if (at < sql.length() && sql.charAt(at) == '`') {
                partEnd = sql.indexOf('`', at + 1);
                if (partEnd < 0) {
                    out.append(sql, start, sql.length());
                    return sql.length();
                }
                partEnd++;
                for (String piece : sql.substring(at + 1, partEnd - 1).split("[.:]", -1)) {
                    parts.add(piece);
                }
                lastQuoted = true;
            } else if (at < sql.length() && isIdentifierStart(sql.charAt(at))) {
                partEnd = at;
                while (partEnd < sql.length() && isIdentifierPart(sql.charAt(partEnd))) {
                    partEnd++;
                }
                parts.add(sql.substring(at, partEnd));
                lastQuoted = false;
            } else {
                break;
            }
            at = partEnd;
            if (at + 1 < sql.length() && sql.charAt(at) == '.'
                    && (sql.charAt(at + 1) == '`' || isIdentifierStart(sql.charAt(at + 1)))) {
                at++;
            } else {
                break;
            }
        }
        int own = ownPrefix(parts);
        if (own == 0) {
            out.append(sql, start, at);
        } else {
            String rest = String.join(".", parts.subList(own, parts.size()));
            out.append(lastQuoted ? "`" + rest + "`" : rest);
        }
        return at;
    }

    /** How many leading parts name this dataset: 2 for project.dataset, 1 for dataset, 0 otherwise. */
    private int ownPrefix(List<String> parts) {
        if (parts.size() >= 3 && parts.get(0).equals(project) && parts.get(1).equals(dataset)) {
            return 2;
        }
        return parts.size() >= 2 && parts.get(0).equals(dataset) ? 1 : 0;
    }

    private static int stringEnd(String sql, int start) {
        char quote = sql.charAt(start);
        String triple = String.valueOf(quote).repeat(3);
        if (sql.startsWith(triple, start)) {
            int close = sql.indexOf(triple, start + 3);
            return close < 0 ? sql.length() : close + 3;
        }
        int i = start + 1;
        while (i < sql.length() && sql.charAt(i) != quote) {
            i += sql.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, sql.length());
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
