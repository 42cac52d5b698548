package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL domain changed out of band, drafted as {@code ALTER DOMAIN}: its default and {@code NOT NULL} set or
 * dropped, its named constraints dropped and added (a changed one dropped and added again), which keeps the columns
 * of its type, where dropping and creating it again would fail on them (docs/architecture.md §3).
 */
final class DomainChange {

    /** The dump's {@code CREATE DOMAIN name AS base [COLLATE c] [DEFAULT expr] [NOT NULL]}, a constraint a line. */
    private static final Pattern DOMAIN = Pattern.compile("^CREATE DOMAIN (" + DraftTarget.NAME
            + ") AS (.+?)(?: DEFAULT (.+?))?( NOT NULL)?((?:\n    CONSTRAINT .*)?)$", Pattern.DOTALL);
    private static final Pattern CONSTRAINT = Pattern.compile("\n    CONSTRAINT (\"(?:[^\"]|\"\")*\"|\\S+) ");

    private final String name;
    private final String type;
    private final String defaultExpression;
    private final boolean notNull;
    private final Map<String, String> constraints;

    private DomainChange(Matcher domain) {
        name = domain.group(1);
        type = domain.group(2);
        defaultExpression = domain.group(3);
        notNull = domain.group(4) != null;
        constraints = constraints(domain.group(5));
    }

    /**
     * The statements that turn the committed domain into the live one, or null when the blocks are not the same
     * domain over the same type and collation.
     */
    static List<String> alter(String committed, String live) {
        Matcher before = DOMAIN.matcher(committed.replaceFirst(";$", ""));
        Matcher after = DOMAIN.matcher(live.replaceFirst(";$", ""));
        if (!before.matches() || !after.matches()) {
            return null;
        }
        DomainChange from = new DomainChange(before);
        DomainChange to = new DomainChange(after);
        return from.name.equals(to.name) && from.type.equals(to.type) ? from.to(to) : null;
    }

    /**
     * What {@code ALTER DOMAIN} cannot change between the blocks, the domain's base type or its collation (PostgreSQL
     * writes both after {@code AS}), as {@code domain d's base type integer, now bigint}; null when the blocks are not
     * the same domain over another type.
     */
    static String rebased(String committed, String live) {
        Matcher before = DOMAIN.matcher(committed.replaceFirst(";$", ""));
        Matcher after = DOMAIN.matcher(live.replaceFirst(";$", ""));
        if (!before.matches() || !after.matches() || !before.group(1).equals(after.group(1))
                || before.group(2).equals(after.group(2))) {
            return null;
        }
        return "domain " + before.group(1) + "'s base type (with its collation) " + before.group(2) + ", now "
                + after.group(2);
    }

    /** Constraints removed or changed first, as a new one may contradict them, and those added last. */
    private List<String> to(DomainChange live) {
        String alter = "ALTER DOMAIN " + name + " ";
        List<String> statements = new ArrayList<>();
        constraints.forEach((constraint, definition) -> {
            if (!definition.equals(live.constraints.get(constraint))) {
                statements.add(alter + "DROP CONSTRAINT " + constraint + ";");
            }
        });
        if (!String.valueOf(defaultExpression).equals(String.valueOf(live.defaultExpression))) {
            statements.add(alter + (live.defaultExpression == null ? "DROP DEFAULT;"
                    : "SET DEFAULT " + live.defaultExpression + ";"));
        }
        if (notNull != live.notNull) {
            statements.add(alter + (live.notNull ? "SET" : "DROP") + " NOT NULL;");
        }
        live.constraints.forEach((constraint, definition) -> {
            if (!definition.equals(constraints.get(constraint))) {
                statements.add(alter + "ADD " + definition + ";");
            }
        });
        return statements;
    }

    /** Each {@code CONSTRAINT name ...} element by its name. */
    private static Map<String, String> constraints(String elements) {
        Map<String, String> byName = new LinkedHashMap<>();
        Matcher start = CONSTRAINT.matcher(elements);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (start.find()) {
            starts.add(start.start());
            names.add(start.group(1));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : elements.length();
            byName.put(names.get(i), elements.substring(starts.get(i) + "\n    ".length(), end));
        }
        return byName;
    }
}
