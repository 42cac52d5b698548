package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The relations a drift draft drops and creates again (docs/architecture.md §5): a PostgreSQL foreign table changed
 * out of band (its rows live on the remote server, and its columns, options and server are all in its text), a
 * materialized view changed out of band where the engine has no in-place change for it
 * ({@link DraftDialect#recreatesMaterializedViewsWithReaders}), and, where the engine refuses {@code ALTER COLUMN ...
 * TYPE} and {@code DROP COLUMN} while a view or materialized view reads the column (PostgreSQL,
 * {@link DraftDialect#viewsBlockTypeChanges}), the views reading a table whose column type either section changes,
 * those reading a table whose column either section drops that differ between the dumps (one the same in both cannot
 * read a column only one has, so a column added by hand, or one a whole-row reader reads, leaves it be), or a typed
 * table's whose type's
 * attribute is dropped or retyped ({@link CompositeType}), and the policies and triggers with a {@code WHEN} on a
 * table whose column type changes, which the server refuses the change under too; with them the
 * views reading those relations, on either side, whose drop would otherwise fail. The up section drops them first,
 * readers first, and creates the live ones last, in the dump's order, with what a drop takes along (comments, grants,
 * indexes, triggers, rules, column settings), a materialized view {@code WITH NO DATA} where the live one is not
 * populated ({@link DraftDialect#unpopulated}); the down section the same with the committed ones. For a type
 * change a whole table's readers are taken, not only the changed column's: the server prints a view's columns after
 * aliases the draft cannot resolve.
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
    private static final Pattern COLUMN_DROP = Pattern.compile("^ALTER TABLE \\S.* DROP COLUMN ");
    /** An attribute dropped or retyped, which {@code CASCADE} does in the type's typed tables. */
    private static final Pattern ATTRIBUTE_CHANGE = Pattern.compile("^ALTER TYPE \\S.* (?:DROP|ALTER) ATTRIBUTE ");
    private static final String TYPE = "TYPE ";
    private static final String FOREIGN_TABLE = "FOREIGN TABLE ";
    private static final String MATERIALIZED_VIEW = "MATERIALIZED VIEW ";
    private static final Pattern CREATE_MATERIALIZED_VIEW = Pattern.compile("^CREATE MATERIALIZED VIEW ");
    private static final Pattern KIND = Pattern.compile("^(?:MATERIALIZED VIEW|VIEW|FOREIGN TABLE) ");
    private static final Set<String> ON_RELATION = Set.of("INDEX", "TRIGGER", "RULE", "POLICY");
    private static final String NOTE = "-- matey: foreign tables and materialized views changed out of band, and views "
            + "reading a table\n-- whose column type changes or whose column is dropped (either fails while a view reads "
            + "the column),\n-- policies and triggers with WHEN on a table whose column type changes (it fails under "
            + "them too),\n-- or reading such a relation, dropped and created again (a materialized view is computed "
            + "anew,\n-- or left unpopulated as the live one is)";

    /**
     * @param live      the live blocks, keyed as {@link DriftDraft#key} keys them
     * @param committed the committed blocks, likewise
     */
    static RecreatedRelations of(Map<String, String> live, Map<String, String> committed, DraftDialect dialect) {
        Set<String> views = new LinkedHashSet<>();
        live.forEach((key, block) -> {
            if ((key.startsWith(FOREIGN_TABLE) || key.startsWith(MATERIALIZED_VIEW)
                    && dialect.recreatesMaterializedViewsWithReaders())
                    && committed.containsKey(key) && !committed.get(key).equals(block)) {
                views.add(key);
            }
        });
        Set<String> retyped = dialect.viewsBlockTypeChanges() ? altered(live, committed, dialect, views) : Set.of();
        Set<String> names = new LinkedHashSet<>(retyped);
        views.forEach(key -> names.add(KIND.matcher(key).replaceFirst("")));
        views.addAll(readers(names, live, committed));
        views.addAll(blockers(retyped, live, committed));
        if (views.isEmpty()) {
            return new RecreatedRelations(List.of(), List.of(), List.of(), List.of(), Set.of());
        }
        Set<String> keys = new LinkedHashSet<>(views);
        keys.addAll(attached(views, live));
        keys.addAll(attached(views, committed));
        return new RecreatedRelations(drops(views, committed, dialect), creates(keys, live).stream()
                .map(block -> asLive(block, dialect)).toList(), drops(views, live, dialect), creates(keys, committed), keys);
    }

    /**
     * The block that creates a relation as the live database has it: a materialized view the live database has not
     * populated is created {@code WITH NO DATA}, which the dump does not write (docs/architecture.md §5).
     */
    static String asLive(String block, DraftDialect dialect) {
        DraftTarget target = DraftTarget.of(block);
        return CREATE_MATERIALIZED_VIEW.matcher(block).find() && dialect.unpopulated(target.target())
                ? block.replaceFirst(";$", "\n  WITH NO DATA;") : block;
    }

    /**
     * The names of the tables both dumps have whose drafted change alters a column's type, either way, and the typed
     * tables of a composite type whose drafted change does so to an attribute or drops one ({@code CASCADE} makes it in
     * them, and drops the views that read them); where a table's change drops a column in a section, but changes no
     * type, the views that section starts from that read the table and differ go into {@code views} instead, as only
     * they can read that column (a whole-row reader, the same in both, does not keep the server from dropping it).
     */
    private static Set<String> altered(Map<String, String> live, Map<String, String> committed, DraftDialect dialect,
            Set<String> views) {
        Set<String> tables = new LinkedHashSet<>();
        live.forEach((key, block) -> {
            String before = committed.get(key);
            if (key.startsWith(TABLE) && before != null && !before.equals(block)) {
                TableDraft table = TableDraft.of(key.substring(TABLE.length()), before, block, dialect);
                String name = key.substring(TABLE.length());
                if (table.up().stream().anyMatch(statement -> TYPE_CHANGE.matcher(statement).find())) {
                    tables.add(name);
                } else {
                    views.addAll(drops(table.up()) ? changedReaders(name, committed, live) : Set.of());
                    views.addAll(drops(table.down()) ? changedReaders(name, live, committed) : Set.of());
                }
            }
            CompositeType type = key.startsWith(TYPE) && before != null && !before.equals(block)
                    ? CompositeType.of(key.substring(TYPE.length()), before, block) : null;
            if (type != null && Stream.concat(type.up().stream(), type.down().stream())
                    .anyMatch(statement -> ATTRIBUTE_CHANGE.matcher(statement).find())) {
                tables.addAll(typedTables(key.substring(TYPE.length()), live));
                tables.addAll(typedTables(key.substring(TYPE.length()), committed));
            }
        });
        return tables;
    }

    /** Whether a section's statements drop a column. */
    private static boolean drops(List<String> statements) {
        return statements.stream().anyMatch(statement -> COLUMN_DROP.matcher(statement).find());
    }

    /**
     * The keys of the views (plain or materialized) of {@code blocks}, the side a section starts from, that read the
     * table and are not the same on the {@code other} side: only such a view can read a column that section drops, as
     * one the same in both dumps was created without the column one of them lacks (a {@code SELECT *} is expanded
     * then).
     */
    private static Set<String> changedReaders(String table, Map<String, String> blocks, Map<String, String> other) {
        Pattern reads = Renames.whole(table);
        Set<String> views = new LinkedHashSet<>();
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            DraftTarget target = DraftTarget.of(block.getValue());
            if (target != null && target.kind().endsWith("VIEW") && !block.getValue().equals(other.get(block.getKey()))
                    && reads.matcher(block.getValue()).find()) {
                views.add(block.getKey());
            }
        }
        return views;
    }

    /** The names of the tables of {@code type} ({@link TypedTable}) among the blocks. */
    private static List<String> typedTables(String type, Map<String, String> blocks) {
        return blocks.entrySet().stream().filter(block -> block.getKey().startsWith(TABLE)
                && type.equals(TypedTable.typeOf(block.getValue())))
                .map(block -> block.getKey().substring(TABLE.length())).toList();
    }

    /**
     * The keys of the policies, and of the triggers with a {@code WHEN} condition, of either dump on the tables, which
     * PostgreSQL refuses a column type change under as it does under a view.
     */
    private static Set<String> blockers(Set<String> tables, Map<String, String> live, Map<String, String> committed) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, String> blocks : List.of(committed, live)) {
            blocks.forEach((key, block) -> {
                DraftTarget target = DraftTarget.of(block);
                if (target != null && (target.kind().equals("POLICY") || target.kind().equals("TRIGGER")
                        && block.contains(" WHEN ("))
                        && tables.stream().anyMatch(table -> target.target().endsWith(" ON " + table))) {
                    keys.add(key);
                }
            });
        }
        return keys;
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
