package io.matey.engine.postgres;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary copies of tables that {@link DeparseEcho} creates expressions on again (docs/architecture.md §5).
 * PostgreSQL prints a reference to an expression's own table by the table's name ({@code tasks.project_id} in a
 * policy's subquery, {@code tasks.*} in a CHECK or an index predicate), so a copy whose echo needs that name bears
 * it; otherwise a copy has a name of its own. Copies of tables of one name in different schemas take turns at it:
 * {@link #rename} moves the one that has it aside. Copies are renamed, never dropped, so later rounds reuse them.
 */
final class EchoTables {

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")*\"|[^\\s\".(),]+)";
    private static final Pattern QUALIFIED = Pattern.compile("(?:" + IDENT + "\\.)?(" + IDENT + ")");

    /**
     * pg_temp last: not listed, it is searched first, so a copy named {@code text} or {@code date} would shadow the
     * built-in type of that name in every text echoed after it.
     */
    private static final String SEARCH_PATH = "SELECT set_config('search_path', CASE WHEN p ~ 'pg_temp' THEN p"
            + " ELSE concat_ws(', ', CASE WHEN p !~ 'pg_catalog' THEN 'pg_catalog' END, nullif(p, ''), 'pg_temp') END,"
            + " true) FROM current_setting('search_path') p";

    /** The name each relation's copy has now, and the relation whose copy has each name. */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();
    private final Map<String, String> spares = new HashMap<>();

    /**
     * The name {@code relation}'s copy must bear to echo {@code text}: the table's own, quoted as PostgreSQL prints
     * it, when the text holds it; null when any name does ({@code ""}, the table of column defaults, has none).
     */
    static String ownName(String relation, String text) {
        if (relation.isEmpty()) {
            return null;
        }
        Matcher m = QUALIFIED.matcher(relation);
        String own = m.matches() ? m.group(1) : relation;
        return text.contains(own) ? own : null;
    }

    /**
     * The copy of {@code relation} (columns alike, none for {@code ""}), named {@code name} or, for null, as it is;
     * the statements that create or rename it are added to {@code statements}. Returns its unqualified name.
     */
    String copy(String relation, String name, List<String> statements) {
        String now = names.get(relation);
        String wanted = name != null ? name : now != null ? now : spare(relation);
        if (wanted.equals(now)) {
            return now;
        }
        String holder = holders.get(wanted);
        if (holder != null) {
            rename(holder, spare(holder), statements);
        }
        if (now != null) {
            rename(relation, wanted, statements);
            return wanted;
        }
        if (names.isEmpty()) {
            statements.add(SEARCH_PATH);
        }
        statements.add("CREATE TEMPORARY TABLE pg_temp." + wanted
                + (relation.isEmpty() ? " ()" : " (LIKE " + relation + ")"));
        names.put(relation, wanted);
        holders.put(wanted, relation);
        return wanted;
    }

    private String spare(String relation) {
        return spares.computeIfAbsent(relation, r -> "matey_echo_t" + spares.size());
    }

    private void rename(String relation, String name, List<String> statements) {
        statements.add("ALTER TABLE pg_temp." + names.get(relation) + " RENAME TO " + name);
        holders.remove(names.put(relation, name));
        holders.put(name, relation);
    }
}
