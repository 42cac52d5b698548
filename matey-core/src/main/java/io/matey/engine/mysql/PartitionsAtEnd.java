package io.matey.engine.mysql;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Partitions added or dropped at the end of a {@code RANGE} or {@code LIST} scheme, as {@code ALTER TABLE ... ADD
 * PARTITION} or {@code DROP PARTITION}: restating the whole {@code PARTITION BY} clause would rebuild the table, and
 * in a down section fail once rows exist for a partition it leaves out. Any other change (a partition edited, one
 * added between others, subpartitions, {@code HASH}/{@code KEY}) keeps the whole clause.
 */
final class PartitionsAtEnd {

    /** The clause {@code SHOW CREATE TABLE} writes: its scheme, then one partition per line (in a version comment on MySQL). */
    private static final Pattern CLAUSE = Pattern.compile(
            "^(?:/\\*!\\d+ )?(PARTITION BY (?:RANGE|LIST)\\b[^\\n]*)\\n\\((PARTITION [\\s\\S]*)\\)(?: \\*/)?$");
    private static final Pattern NAME = Pattern.compile("^PARTITION (`(?:[^`]|``)*`|\\w+) ");

    private PartitionsAtEnd() {
    }

    /** The statement that turns partitioning {@code from} into {@code to}, or null when it is no such change. */
    static String alter(String alter, String from, String to) {
        List<String> before = partitions(from);
        List<String> after = partitions(to);
        if (before == null || after == null || !scheme(from).equals(scheme(to))) {
            return null;
        }
        if (after.size() > before.size() && after.subList(0, before.size()).equals(before)) {
            return alter + " ADD PARTITION (" + String.join(",\n ", after.subList(before.size(), after.size())) + ");";
        }
        if (before.size() > after.size() && !after.isEmpty() && before.subList(0, after.size()).equals(after)) {
            return alter + " DROP PARTITION " + String.join(", ", before.subList(after.size(), before.size()).stream()
                    .map(PartitionsAtEnd::name).toList()) + ";";
        }
        return null;
    }

    private static String scheme(String clause) {
        Matcher m = CLAUSE.matcher(clause);
        return m.matches() ? m.group(1) : "";
    }

    /** Each partition's definition, or null when the clause is not a plain RANGE or LIST one. */
    private static List<String> partitions(String clause) {
        Matcher m = CLAUSE.matcher(clause);
        if (!m.matches() || m.group(2).contains("SUBPARTITION")) {
            return null;
        }
        List<String> partitions = Arrays.stream(m.group(2).split(",\\n ")).toList();
        return partitions.stream().allMatch(p -> NAME.matcher(p).find() && !p.contains("\n")) ? partitions : null;
    }

    private static String name(String partition) {
        Matcher m = NAME.matcher(partition);
        m.find();
        return m.group(1);
    }
}
