package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The relations a drift draft drops and creates again (docs/architecture.md §5): a PostgreSQL foreign table changed
 * out of band (its rows live on the remote server, and its columns, options and server are all in its text), and,
 * where the engine refuses {@code ALTER COLUMN ... TYPE} while a view or materialized view reads the column
 * (PostgreSQL, {@link DraftDialect#viewsBlockTypeChanges}), the views reading a table whose column type either section
 * changes; with them the views reading those relations, on either side, whose drop would otherwise fail. The up section
 * drops them first, readers first, and creates the live ones last, in the dump's order, with what a drop takes along
 * (comments, grants, indexes, triggers, rules, column settings); the down section the same with the committed ones.
 * A whole table's readers are taken, not only the changed column's: the server prints a view's columns after aliases
 * the draft cannot resolve.
 *
 * @param up       the drops that open the up section
 * @param upLast   the creates that close it
 * @param down     the drops that open the down section
 * @param downLast the creates that close it
 * @param keys     the blocks (their keys, in either dump) these statements stand for, which the rest of the draft
 *                 leaves out
 */
record RecreatedRelations(List<String> up, List<String> upLast, List<String> down, List<String> downLast,
        Set<String> keys) {

    private static final String TABLE = "TABLE ";
    private static final Pattern TYPE_CHANGE = Pattern.compile("ALTER COLUMN (?:\"(?:[^\"]|\"\")*\"|\\S+) TYPE ");
    private static final String FOREIGN_TABLE = "FOREIGN TABLE ";
    private static final Pattern KIND = Pattern.compile("^(?:MATERIALIZED VIEW|VIEW|FOREIGN TABLE) ");
    private static final Set<String> ON_RELATION = Set.of("INDEX", "TRIGGER", "RULE", "POLICY");
    private static final String NOTE = "-- matey: foreign tables changed out of band, and views reading a table whose "
            + "column type changes\n-- (ALTER COLUMN TYPE fails while a view reads the column) or reading such a "
            + "relation, dropped and\n-- created again (a materialized view is computed anew)";

    /**
     * @param live      the live blocks, keyed as {@link DriftDraft#key} keys them
     * @param committed the committed blocks, likewise
     */
    static RecreatedRelations of(Map<String, String> live, Map<String, String> committed, DraftDialect dialect) {
        Set<String> views = new LinkedHashSet<>();
        live.forEach((key, block) -> {
            if (key.startsWith(FOREIGN_TABLE) && committed.containsKey(key) && !committed.get(key).equals(block)) {
                views.add(key);
            }
        });
        Set<String> names = new LinkedHashSet<>(dialect.viewsBlockTypeChanges() ? retyped(live, committed, dialect)
                : Set.of());
        views.forEach(key -> names.add(key.substring(FOREIGN_TABLE.length())));
        views.addAll(readers(names, live, committed));
        if (views.isEmpty()) {
            return new RecreatedRelations(List.of(), List.of(), List.of(), List.of(), Set.of());
        }
        Set<String> keys = new LinkedHashSet<>(views);
        keys.addAll(attached(views, live));
        keys.addAll(attached(views, committed));
        return new RecreatedRelations(drops(views, committed, dialect), creates(keys, live),
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

    /** The keys of the views (plain or materialized) of either dump that read the relations, or such a view, at length. */
    private static Set<String> readers(Set<String> names, Map<String, String> live, Map<String, String> committed) {
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

    /** The keys of what dropping the relations takes along: comments on them, grants, indexes, triggers, rules, settings. */
    private static Set<String> attached(Set<String> views, Map<String, String> blocks) {
        Set<String> keys = new LinkedHashSet<>();
        blocks.forEach((key, block) -> {
            DraftTarget target = DraftTarget.of(block);
            DraftPart part = DraftPart.of(block);
            for (String view : views) {
                String name = KIND.matcher(view).replaceFirst("");
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

    /** Drops the relations {@code blocks} has, in the reverse of its order: readers first. */
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
