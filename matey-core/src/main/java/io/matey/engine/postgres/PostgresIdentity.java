package io.matey.engine.postgres;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An identity column's dumped definition ({@link Column#definition}: {@code name type GENERATED ALWAYS|BY DEFAULT
 * AS IDENTITY [(options)]}, only the options that differ from the default written) and the {@code ALTER COLUMN} that
 * gives another such column's kind and sequence options, every option stated, so the result does not depend on
 * what the sequence had (docs/architecture.md §5).
 *
 * @param head     the name and type, with the collation, before {@code GENERATED}
 * @param kind     {@code ALWAYS} or {@code BY DEFAULT}
 * @param sequence the sequence's name when the dump writes it, else null
 * @param options  the non-default options, space-separated, without the sequence name
 */
record PostgresIdentity(String head, String kind, String sequence, String options) {

    private static final Pattern IDENTITY = Pattern.compile(
            "^(.+?) GENERATED (ALWAYS|BY DEFAULT) AS IDENTITY(?: \\((?:SEQUENCE NAME (\\S+) ?)?(.*)\\))?$");

    /** The identity column's parts, or null when {@code definition} is no identity column. */
    static PostgresIdentity of(String definition) {
        Matcher m = IDENTITY.matcher(definition);
        return m.matches() ? new PostgresIdentity(m.group(1), m.group(2), m.group(3), m.group(4) == null ? "" : m.group(4))
                : null;
    }

    /**
     * The statement that turns this identity into {@code to} on the same column and type, or null when they differ
     * in more than kind and options (type, sequence name).
     */
    String to(PostgresIdentity to, String table, String column) {
        if (!head.equals(to.head) || !Objects.equals(sequence, to.sequence)) {
            return null;
        }
        long increment = to.number("INCREMENT BY", 1);
        boolean ascending = increment > 0;
        String min = to.option("MINVALUE");
        String max = to.option("MAXVALUE");
        String start = to.option("START WITH");
        if (start == null) {
            start = ascending ? (min == null ? "1" : min) : (max == null ? "-1" : max);
        }
        String cache = to.option("CACHE");
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET GENERATED " + to.kind
                + " SET INCREMENT BY " + increment
                + (min == null ? " SET NO MINVALUE" : " SET MINVALUE " + min)
                + (max == null ? " SET NO MAXVALUE" : " SET MAXVALUE " + max)
                + " SET START WITH " + start + " SET CACHE " + (cache == null ? "1" : cache)
                + (to.options.matches("(?:.* )?CYCLE") ? " SET CYCLE" : " SET NO CYCLE") + ";";
    }

    private long number(String name, long absent) {
        String value = option(name);
        return value == null ? absent : Long.parseLong(value);
    }

    /** The value after {@code name} among the options, or null when the dump wrote none (the default). */
    private String option(String name) {
        Matcher m = Pattern.compile("(?:^| )" + name + " (-?\\d+)").matcher(options);
        return m.find() ? m.group(1) : null;
    }
}
