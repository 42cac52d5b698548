package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The views a drift draft drops and creates again around a changed column type where the engine refuses
 * {@code ALTER COLUMN ... TYPE} while a view or materialized view reads the column (PostgreSQL,
 * {@link DraftDialect#viewsBlockTypeChanges}; docs/architecture.md §5): those reading a table whose column type either
 * section changes, and the views reading those, on either side. The up section drops them first, readers first, and
 * creates the live ones last, in the dump's order, with what a drop takes along (comments, grants, indexes, triggers,
 * rules, column settings); the down section the same with the committed ones. A whole table's readers are taken, not
 * only the changed column's: the server prints a view's columns after aliases the draft cannot resolve.
 *
 * @param up       the drops that open the up section
 * @param upLast   the creates that close it
 * @param down     the drops that open the down section
 * @param downLast the creates that close it
 * @param keys     the blocks (their keys, in either dump) these statements stand for, which the rest of the draft
 *                 leaves out
 */
record ViewsOverTypeChanges(List<String> up, List<String> upLast, List<String> down, List<String> downLast,
        Set<String> keys) {

    private static final String TABLE = "TABLE ";
    private static final Pattern TYPE_CHANGE = Pattern.compile("ALTER COLUMN (?:\"(?:[^\"]|\"\")*\"|\\S+) TYPE ");
    private static final Pattern VIEW_KIND = Pattern.compile("^(?:MATERIALIZED )?VIEW ");
    private static final Set<String> ON_RELATION = Set.of("INDEX", "TRIGGER", "RULE", "POLICY");
    private static final String NOTE = "-- matey: views reading a table whose column type changes, dropped and created "
            + "again, as ALTER COLUMN TYPE fails while a view reads the column (a materialized view is computed anew)";

    /**
     * @param live      the live blocks, keyed as {@link DriftDraft#key} keys them
     * @param committed the committed blocks, likewise
     */
    static ViewsOverTypeChanges of(Map<String, String> live, Map<String, String> committed, DraftDialect dialect) {
        Set<String> views = dialect.viewsBlockTypeChanges() ? readers(retyped(live, committed, dialect), live, committed)
                : Set.of();
        if (views.isEmpty()) {
            return new ViewsOverTypeChanges(List.of(), List.of(), List.of(), List.of(), Set.of());
        }
        Set<String> keys = new LinkedHashSet<>(views);
        keys.addAll(attached(views, live));
        keys.addAll(attached(views, committed));
        return new ViewsOverTypeChanges(drops(views, committed, dialect), creates(keys, live),
                drops(views, live, dialect), creates(keys, committed), keys);
    }

    /** The names of the tables both dumps have whose drafted change alters a column's type, either way. */
    private static Set<String> retyped(Map<String, String> live, Map<String, String> committed, DraftDialect dialect) {
        Set<String> tables = new LinkedHashSet<>();
        live.forEach((key, block) -> {
            String before = committed.get(key);
            if (key.startsWith(TABLE) && before != null && !before.equals(block)) {
                TableDraft table = TableDraft.of(key.substring(TABLE.length()), before, block, dialect);
                if (table.up().stream().anyMatch(statement -> TYPE_CHANGE.matcher(statement).find())) {
                    tables.add(key.substring(TABLE.length()));
                }
            }
        });
        return tables;
    }

    /** The keys of the views (plain or materialized) of either dump that read the tables, or such a view, at length. */
    private static Set<String> readers(Set<String> tables, Map<String, String> live, Map<String, String> committed) {
        Set<String> names = new LinkedHashSet<>(tables);
        Set<String> views = new LinkedHashSet<>();
        for (boolean grew = !names.isEmpty(); grew; ) {
            grew = false;
            for (Map<String, String> blocks : List.of(committed, live)) {
                for (Map.Entry<String, String> block : blocks.entrySet()) {
                    DraftTarget target = DraftTarget.of(block.getValue());
                    if (target != null && target.kind().endsWith("VIEW") && !views.contains(block.getKey())
                            && names.stream().anyMatch(name -> Renames.whole(name).matcher(block.getValue()).find())) {
                        views.add(block.getKey());
                        names.add(target.target());
                        grew = true;
                    }
                }
            }
        }
        return views;
    }

    /** The keys of what dropping the views takes along: comments on them, grants, indexes, triggers, rules, settings. */
    private static Set<String> attached(Set<String> views, Map<String, String> blocks) {
        Set<String> keys = new LinkedHashSet<>();
        blocks.forEach((key, block) -> {
            DraftTarget target = DraftTarget.of(block);
            DraftPart part = DraftPart.of(block);
            for (String view : views) {
                String name = VIEW_KIND.matcher(view).replaceFirst("");
                Pattern on = Pattern.compile("\\s(?:ON|TO) (?:ONLY )?" + Pattern.quote(name) + "(?![\\w$\"`.])");
                if (key.equals("COMMENT ON " + view) || key.startsWith("COMMENT ON COLUMN " + name + ".")
                        || target != null && ON_RELATION.contains(target.kind()) && on.matcher(block).find()
                        || part != null && (Renames.whole("ON TABLE " + name).matcher(block).find()
                                || part.owner().equals(view) || part.owner().endsWith(" ON " + name))) {
                    keys.add(key);
                }
            }
        });
        return keys;
    }

    /** Drops the views {@code blocks} has, in the reverse of its order: readers first. */
    private static List<String> drops(Set<String> views, Map<String, String> blocks, DraftDialect dialect) {
        List<String> drops = new ArrayList<>();
        blocks.forEach((key, block) -> {
            if (views.contains(key)) {
                drops.add(0, DraftTarget.of(block).drop(block, dialect));
            }
        });
        return drops.isEmpty() ? drops : List.of(NOTE + "\n" + String.join("\n", drops));
    }

    /** The blocks of {@code keys} that {@code blocks} has, in its order. */
    private static List<String> creates(Set<String> keys, Map<String, String> blocks) {
        return blocks.entrySet().stream().filter(block -> keys.contains(block.getKey())).map(Map.Entry::getValue)
                .toList();
    }
}
