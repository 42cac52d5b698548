package io.matey.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A draft migration, from a drift, that turns the committed schema into the live one: how to keep an
 * out-of-band change (docs/architecture.md §5). Canonical dumps hold one statement per block, so blocks are
 * compared whole: an object only the live database has is created (and dropped in the down section), one it
 * lacks is dropped (and created again in down). A table that exists in both but differs gets its added, dropped and
 * changed columns ({@link TableDraft}), and a grantee's changed privileges the difference ({@link PrivilegeChanges}). A comment ({@code COMMENT ON}, keyed by what it names) is set to its live text, or to
 * {@code NULL} when it was removed, and a {@code CREATE OR REPLACE} routine whose signature stays is replaced by its
 * live text (the committed text in down), as is a changed view (or ClickHouse dictionary) where the engine replaces
 * any ({@link DraftDialect#redefine}); where it replaces none (SQLite) the view is dropped and created again, with
 * the triggers on it. A changed MySQL/MariaDB routine, event or trigger is dropped and created
 * with its live text (with the committed one in down), as is a changed PostgreSQL trigger, policy or foreign key.
 * Values added to a PostgreSQL enum are added ({@link EnumValues}), a domain altered ({@link DomainChange}; one
 * over another base type or collation dropped and created again where nothing uses it, else left to the author), a
 * composite type's attributes added, dropped and changed ({@link CompositeType}), and an operator family's loose
 * members added and dropped ({@link FamilyMembers}). Every drop names its object as the drop needs
 * ({@link DraftTarget}), so it runs whatever the search path. Anything else that differs is left to the author as a
 * comment with both definitions, since the ALTER it needs depends on the engine and the intent. What looks like a
 * renamed table or column is renamed first ({@link Renames}), and the rest compared after it.
 */
public final class DriftDraft {

    /** A comment's target: what {@code COMMENT ON <target> IS} names, quoted names kept whole. */
    private static final Pattern COMMENT = Pattern.compile("^COMMENT ON ((?:[^'\"]|\"[^\"]*\")+?) IS ");
    private static final String COMMENT_ON = "COMMENT ON ";
    private static final Pattern CONSTRAINTS = Pattern.compile("(?s)^(ALTER TABLE " + DraftTarget.NAME
            + ")\n  ADD (CONSTRAINT .*)");
    private static final String TABLE = "TABLE ";
    private static final String TYPE = "TYPE ";
    private static final String DOMAIN = "DOMAIN ";
    private static final String VIEW = "VIEW ";
    private static final String MATERIALIZED_VIEW = "MATERIALIZED VIEW ";
    private static final String DICTIONARY = "DICTIONARY ";
    private static final String CONSTRAINT = "CONSTRAINT ";
    private static final String INDEX = "INDEX ";
    private static final String REPLACE = "CREATE OR REPLACE ";
    /** An index's table, and after it what the index reads. */
    private static final Pattern INDEX_ON = Pattern.compile("^CREATE (?:UNIQUE )?INDEX \\S+ ON (?:ONLY )?("
            + DraftTarget.NAME + ") USING ");

    /**
     * Objects whose changed definition is dropped and created again: MySQL and MariaDB dump routines, events and
     * triggers as plain {@code CREATE}, which fails while the object exists, and their {@code ALTER} cannot change a
     * body. A {@code CREATE OR REPLACE} routine (PostgreSQL's) is replaced instead, or left to the author when its
     * signature changed, since dropping it may fail on an overload or on what depends on it.
     */
    private static final Set<String> RECREATED = Set.of("FUNCTION", "PROCEDURE", "TRIGGER", "EVENT", "POLICY",
            "CONSTRAINT");

    /** Row security, which the PostgreSQL dump writes after its table, and the statement that turns it off. */
    private static final Pattern ROW_SECURITY = Pattern.compile(
            "^(ALTER TABLE .+?) (ENABLE|FORCE) ROW LEVEL SECURITY;$");

    private DriftDraft() {
    }

    /**
     * @param live     the live dump
     * @param expected the committed dump the live database should equal
     * @param dialect  what the engine's ALTER TABLE can change
     */
    public static String of(String live, String expected, DraftDialect dialect) {
        Map<String, String> liveBlocks = blocks(live);
        Map<String, String> committedBlocks = blocks(expected);
        Renames firstRenames = Renames.of(liveBlocks, committedBlocks, dialect, Set.of());
        RecreatedRelations firstViews = RecreatedRelations.of(liveBlocks, firstRenames.committed(), dialect);
        // What is dropped first and created again last is left out of the renames' own view handling, which would
        // drop, replace or rename it once more (docs/architecture.md §7).
        Renames renames = firstViews.keys().isEmpty() ? firstRenames
                : Renames.of(liveBlocks, committedBlocks, dialect, firstViews.keys());
        RecreatedRelations views = firstViews.keys().isEmpty() ? firstViews
                : RecreatedRelations.of(liveBlocks, renames.committed(), dialect);
        Map<String, String> expectedBlocks = new LinkedHashMap<>(renames.committed());
        liveBlocks.keySet().removeAll(views.keys());
        expectedBlocks.keySet().removeAll(views.keys());
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        boolean addsEnumValues = false;
        // What a typed table gives an attribute its type's change drops, given back after the type's change in down.
        List<String> afterTypes = new ArrayList<>();
        // Routines replaced back, and indexes created back where the server does not follow renames into their text
        // (SQLite's), by a committed text naming what the renames took away: after the renames back.
        List<String> afterRenames = new ArrayList<>();
        // Composite types whose dropped attributes down cannot add back in their place, which it says instead.
        Map<String, List<String>> misplacedTypes = new HashMap<>();
        // Names a created relation takes from a dropped one: that drop comes before the creates, in either section.
        Set<String> clashes = RelationNames.only(liveBlocks, expectedBlocks);
        clashes.retainAll(RelationNames.only(expectedBlocks, liveBlocks));
        Set<String> clashingDown = new HashSet<>();
        Map<String, TableRebuild> rebuilds = TableRebuild.of(liveBlocks, expectedBlocks, dialect);
        PrivilegeChanges privileges = PrivilegeChanges.of(liveBlocks, expectedBlocks);
        MovedPartitions moves = MovedPartitions.of(liveBlocks, expectedBlocks, dialect);
        NewPartitions partitions = NewPartitions.of(liveBlocks, expectedBlocks, dialect, moves);
        // every moved partition is detached before the first attach, which may take another's old bounds
        up.addAll(moves.detachesUp());
        for (Map.Entry<String, String> entry : liveBlocks.entrySet()) {
            String key = entry.getKey();
            String block = entry.getValue();
            String committed = expectedBlocks.get(key);
            EnumValues values = committed == null ? null : EnumValues.of(committed, block);
            if (TableRebuild.dependsOn(block, rebuilds) || privileges.handled().contains(key) || partitions.made(key)
                    || committed == null && moves.follows(block)) {
                continue;
            }
            if (rebuilds.containsKey(key)) {
                up.addAll(rebuilds.get(key).up());
                down.addAll(0, rebuilds.get(key).down());
            } else if (moves.changes(key)) {
                if (moves.attachUp(key) != null) {
                    up.add(moves.attachUp(key));
                    up.addAll(partitions.renames(key));
                }
                if (moves.attachDown(key) != null) {
                    down.add(0, moves.attachDown(key));
                }
                down.addAll(0, partitions.dropsAfterDetach(key));
            } else if (changedIndex(key, liveBlocks, expectedBlocks)) {
                up.add(block);
                down.add(0, drop(key, block, dialect, liveBlocks));
            } else if (committed == null) {
                up.add(RecreatedRelations.asLive(block, dialect));
                up.addAll(partitions.renames(key));
                if (!undoneOtherwise(block, liveBlocks, expectedBlocks) && !partitions.droppedWithParent(key)) {
                    down.add(0, drop(key, block, dialect, liveBlocks));
                    if (RelationNames.takesAny(block, clashes)) {
                        clashingDown.add(down.get(0));
                    }
                }
                if (partitions.detach(key) != null) {
                    down.add(0, partitions.detach(key));
                }
            } else if (!committed.equals(block) && key.startsWith(TABLE)) {
                String name = key.substring(TABLE.length());
                Inheritance parents = Inheritance.of(name, committed, block, expectedBlocks);
                TableDraft typed = TypedTable.of(name, committed, expectedBlocks, block, liveBlocks, dialect);
                TableDraft table = typed != null ? typed : TableDraft.of(name, parents.committed(), block, dialect);
                if (!misplacedTypes.containsKey(TypedTable.typeOf(committed))) {
                    afterTypes.addAll(TypedTable.restoredAfterType(name, committed, expectedBlocks, block, liveBlocks,
                            dialect));
                }
                up.addAll(parents.up());
                up.addAll(table.up());
                down.addAll(0, parents.down());
                down.addAll(0, table.down());
                if (!table.differences().isEmpty()) {
                    up.add("-- Not drafted as SQL: " + String.join("; ", table.differences()) + ".\n"
                            + changed(committed, block));
                    down.add(0, undo(committed));
                }
            } else if (values != null && !values.up().isEmpty()) {
                up.addAll(values.up());
                if (values.added().isEmpty()) {
                    down.addAll(0, values.down());
                } else {
                    down.add(0, values.notRemoved());
                    addsEnumValues = true;
                }
            } else if (!committed.equals(block) && FamilyMembers.of(block) != null) {
                up.addAll(FamilyMembers.of(committed).to(FamilyMembers.of(block)));
                down.addAll(0, FamilyMembers.of(block).to(FamilyMembers.of(committed)));
            } else if (!committed.equals(block) && key.startsWith(TYPE)
                    && CompositeType.of(key.substring(TYPE.length()), committed, block) != null) {
                String name = key.substring(TYPE.length());
                CompositeType type = CompositeType.of(name, committed, block);
                up.addAll(type.up());
                down.addAll(0, type.down());
                if (!type.misplaced().isEmpty()) {
                    misplacedTypes.put(name, type.misplacedNames());
                    Map<String, String> tables = typedTables(name, expectedBlocks, liveBlocks);
                    List<String> restored = new ArrayList<>();
                    tables.forEach((table, text) -> restored.addAll(TypedTable.restoredAfterType(table,
                            expectedBlocks.get(TABLE + table), expectedBlocks, text, liveBlocks, dialect)));
                    down.add(0, type.notRestored(name, List.copyOf(tables.keySet()), restored));
                }
            } else if (!committed.equals(block) && replaceable(key, committed, block)) {
                up.add(block);
                if (!key.startsWith(COMMENT_ON) && renames.readsOldNames(committed)) {
                    afterRenames.add(committed);
                } else {
                    down.add(0, committed);
                }
            } else if (!committed.equals(block) && key.startsWith(VIEW) && ViewOptions.alter(committed, block) != null) {
                up.add(ViewOptions.alter(committed, block));
                down.add(0, ViewOptions.alter(block, committed));
            } else if (!committed.equals(block) && (key.startsWith(VIEW) || key.startsWith(DICTIONARY))
                    && dialect.redefine(block) != null) {
                up.add(dialect.redefine(block));
                down.add(0, dialect.redefine(committed));
            } else if (!committed.equals(block) && key.startsWith(VIEW) && dialect.recreatesViews()) {
                List<String> triggers = TableRebuild.dependents(expectedBlocks.values(), key.substring(VIEW.length()));
                up.add(recreatedView(drop(key, committed, dialect, expectedBlocks), block, triggers.stream()
                        .filter(trigger -> liveBlocks.containsKey(key(trigger))).toList()));
                down.add(0, recreatedView(drop(key, block, dialect, liveBlocks), committed, triggers));
            } else if (!committed.equals(block) && key.startsWith(MATERIALIZED_VIEW)
                    && dialect.recreateMaterializedView(key.substring(MATERIALIZED_VIEW.length()), block) != null) {
                String name = key.substring(MATERIALIZED_VIEW.length());
                up.add(dialect.recreateMaterializedView(name, block));
                down.add(0, dialect.recreateMaterializedView(name, committed));
            } else if (!committed.equals(block) && SequenceChange.alter(committed, block) != null) {
                up.add(SequenceChange.alter(committed, block));
                down.add(0, SequenceChange.alter(block, committed));
            } else if (!committed.equals(block) && DomainChange.alter(committed, block) != null) {
                up.addAll(DomainChange.alter(committed, block));
                down.addAll(0, DomainChange.alter(block, committed));
            } else if (!committed.equals(block) && DomainChange.rebased(committed, block) != null) {
                // ALTER DOMAIN changes neither: a domain nothing uses is dropped and created again; one in use would
                // need its columns (and what reads them) moved off it and back, left to the author (§5).
                String name = key.substring(DOMAIN.length());
                if (used(key, name, liveBlocks) || used(key, name, expectedBlocks)) {
                    up.add("-- Not drafted as SQL: " + DomainChange.rebased(committed, block) + ", which ALTER DOMAIN "
                            + "cannot change; by hand: ALTER each column of " + name + " TYPE its base type, DROP DOMAIN "
                            + name + ", CREATE it as live, and ALTER the columns back TYPE " + name + ".\n"
                            + changed(committed, block));
                    down.add(0, undo(committed));
                } else {
                    up.add(drop(key, committed, dialect, expectedBlocks) + "\n\n" + block);
                    down.add(0, drop(key, block, dialect, liveBlocks) + "\n\n" + committed);
                }
            } else if (!committed.equals(block) && recreated(committed, block)) {
                up.add(drop(key, committed, dialect, expectedBlocks) + "\n\n" + block);
                down.add(0, drop(key, block, dialect, liveBlocks) + "\n\n" + committed);
            } else if (!committed.equals(block)) {
                up.add(changed(committed, block));
                down.add(0, undo(committed));
            }
        }
        down.addAll(0, moves.detachesDown());
        down.addAll(afterTypes);
        // A created relation whose name a dropped one takes, and what comes before it in down (what may read it), is
        // dropped before the dropped ones are created again.
        int late = lastOf(clashingDown, down);
        // A removed comment, constraint, column options or key name are removed first and restored last: a comment's
        // object may be dropped (or be a dropped column), a foreign key may need an index or key the table's changes
        // drop, options set only after the other ones are reset do not stay, and a live key name is renamed from the
        // name a load gives the key. A removed index is dropped next and created
        // again before them, as it may read a column the table's changes drop. A setting of an object
        // both have is set back last, after the down section may have created it again. Other removed objects are
        // dropped in the reverse of the dump's order, what depends on an object first, and created again in the
        // dump's order.
        List<String> first = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        List<String> last = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> indexesBack = new ArrayList<>();
        Set<String> clashingUp = new HashSet<>();
        List<String> droppedBeforeRenames = new ArrayList<>();
        List<String> restoredAfterRenames = new ArrayList<>();
        expectedBlocks.forEach((key, block) -> {
            if (liveBlocks.containsKey(key) && !changedIndex(key, liveBlocks, expectedBlocks)
                    || TableRebuild.dependsOn(block, rebuilds) || privileges.handled().contains(key)
                    || partitions.made(key) || moves.follows(block)
                    || droppedWithRecreatedView(block, liveBlocks, expectedBlocks, dialect)) {
                return;
            } else if (key.startsWith(COMMENT_ON) || key.startsWith(CONSTRAINT) || DraftPart.setsOptions(block)
                    || DraftPart.renamesKey(block)) {
                first.add(drop(key, block, dialect, expectedBlocks));
                last.add(key.startsWith(CONSTRAINT) ? restored(block, dialect, expectedBlocks) : block);
            } else if (key.startsWith(INDEX)) {
                indexes.add(drop(key, block, dialect, expectedBlocks));
                String attribute = misplacedAttribute(block, misplacedTypes, expectedBlocks);
                (!dialect.followsRenames() && renames.readsOldNames(block) ? afterRenames : indexesBack).add(
                        attribute == null ? block : "-- Not drafted as SQL: with attribute " + attribute
                                + " added back by hand (above), create its index again:\n" + comment(block));
            } else if (!restoredAfterRenames.isEmpty() || renames.readsOldNames(block)) {
                // A dropped object reading a table renamed since by its committed name (a ClickHouse materialized
                // view's query), and what the dump orders after it (what may read it), is dropped before the renames
                // and created again after the renames back, where the name it reads is the table's.
                if (!undoneOtherwise(block, expectedBlocks, liveBlocks)) {
                    droppedBeforeRenames.add(0, drop(key, block, dialect, expectedBlocks));
                }
                restoredAfterRenames.add(block);
            } else {
                if (!undoneOtherwise(block, expectedBlocks, liveBlocks)) {
                    dropped.add(0, drop(key, block, dialect, expectedBlocks));
                    if (RelationNames.takesAny(block, clashes)) {
                        clashingUp.add(dropped.get(0));
                    }
                }
                DraftPart part = DraftPart.of(block);
                (part != null && part.setting() != null && liveBlocks.containsKey(part.owner()) ? last : restored).add(block);
            }
        });
        up.addAll(0, first);
        up.addAll(first.size(), indexes);
        up.addAll(first.size() + indexes.size(), privileges.up());
        // A drop whose name a create takes, and the drops before it (of what may depend on it), precede the creates.
        int early = lastOf(clashingUp, dropped);
        up.addAll(first.size() + indexes.size() + privileges.up().size(), dropped.subList(0, early));
        up.addAll(dropped.subList(early, dropped.size()));
        down.addAll(late, restored);
        down.addAll(indexesBack);
        down.addAll(last);
        down.addAll(privileges.down());
        up.addAll(0, renames.up());
        up.addAll(0, droppedBeforeRenames);
        up.addAll(renames.viewsUp());
        down.addAll(renames.down());
        down.addAll(restoredAfterRenames);
        down.addAll(afterRenames);
        down.addAll(renames.viewsDown());
        down.addAll(0, renames.downFirst());
        up.addAll(0, views.up());
        up.addAll(views.upLast());
        down.addAll(0, views.down());
        down.addAll(views.downLast());
        // A table-level REVOKE takes the column grants of that privilege along: those the dump keeps come last.
        up.addAll(PrivilegeChanges.regranted(up, liveBlocks));
        down.addAll(PrivilegeChanges.regranted(down, expectedBlocks));
        if (addsEnumValues) {
            up.add(0, EnumValues.transactionNote());
        }
        return "-- migrate:up\n" + String.join("\n\n", up) + "\n\n-- migrate:down\n" + String.join("\n\n", down) + "\n";
    }

    /**
     * Whether both dumps have the index, differently: it is dropped with the removed indexes, before the table changes
     * (it may read a column they drop), and created at its place in the dump, after them; the reverse in down.
     */
    private static boolean changedIndex(String key, Map<String, String> live, Map<String, String> committed) {
        return key.startsWith(INDEX) && live.containsKey(key) && committed.containsKey(key)
                && !live.get(key).equals(committed.get(key));
    }

    /**
     * Whether the committed block is a trigger on a view that the up section drops and creates again (SQLite's
     * {@link DraftDialect#recreatesViews}): the drop took the trigger, so dropping it again would fail, and the down
     * section creates it again with the view.
     */
    private static boolean droppedWithRecreatedView(String block, Map<String, String> live,
            Map<String, String> committed, DraftDialect dialect) {
        DraftTarget target = DraftTarget.of(block);
        return dialect.recreatesViews() && target != null && target.kind().equals("TRIGGER")
                && live.keySet().stream().anyMatch(key -> key.startsWith(VIEW) && committed.containsKey(key)
                        && !live.get(key).equals(committed.get(key))
                        && !TableRebuild.dependents(List.of(block), key.substring(VIEW.length())).isEmpty());
    }

    /**
     * The attribute an index names on a table typed by a type whose attributes the down section cannot add back
     * ({@link CompositeType#notRestored}), as {@code misplaced} lists them by type; null where it names none.
     */
    private static String misplacedAttribute(String index, Map<String, List<String>> misplaced,
            Map<String, String> blocks) {
        Matcher on = INDEX_ON.matcher(index);
        String table = on.find() ? blocks.get(TABLE + on.group(1)) : null;
        List<String> attributes = table == null ? List.of() : misplaced.getOrDefault(TypedTable.typeOf(table), List.of());
        String columns = table == null ? "" : index.substring(on.end());
        return attributes.stream().filter(attribute -> Renames.whole(attribute).matcher(columns).find()).findFirst()
                .map(attribute -> attribute + " of " + TypedTable.typeOf(table)).orElse(null);
    }

    /** The live text of the tables of the type that both dumps have typed by it, by name. */
    private static Map<String, String> typedTables(String type, Map<String, String> committed,
            Map<String, String> live) {
        Map<String, String> tables = new LinkedHashMap<>();
        committed.forEach((key, block) -> {
            if (key.startsWith(TABLE) && type.equals(TypedTable.typeOf(block)) && live.containsKey(key)
                    && type.equals(TypedTable.typeOf(live.get(key)))) {
                tables.put(key.substring(TABLE.length()), live.get(key));
            }
        });
        return tables;
    }

    /** The statement that adds a removed constraint back ({@link DraftDialect#restoreConstraint}). */
    private static String restored(String block, DraftDialect dialect, Map<String, String> expectedBlocks) {
        String target = DraftTarget.of(block).target();
        String table = target.substring(target.lastIndexOf(" ON ") + 4);
        TableElements elements = expectedBlocks.containsKey(TABLE + table)
                ? TableElements.parse(expectedBlocks.get(TABLE + table)) : null;
        String element = block.substring(block.indexOf("ADD CONSTRAINT ") + "ADD ".length()).replaceFirst(";$", "");
        String statement = dialect.restoreConstraint(table, element,
                elements == null ? List.of() : elements.constraints());
        return statement == null ? block : statement;
    }

    /** The dump's statements by the object each creates (or, for other statements, by their text). */
    private static Map<String, String> blocks(String dump) {
        Map<String, String> blocks = new LinkedHashMap<>();
        String schema = SchemaDump.withoutMigrations(dump).strip();
        if (schema.isEmpty()) {
            return blocks;
        }
        for (String text : Arrays.stream(schema.split("\n\\s*\n")).map(String::strip).flatMap(DriftDraft::constraints)
                .toList()) {
            blocks.put(key(text), text);
        }
        return blocks;
    }

    /**
     * What a block is keyed by: the object it creates, what a comment is on, the operator family whose members it
     * adds, or else its text.
     */
    static String key(String block) {
        DraftTarget target = DraftTarget.of(block);
        Matcher comment = COMMENT.matcher(block);
        FamilyMembers members = FamilyMembers.of(block);
        return target != null ? target.kind() + " " + target.target()
                : comment.find() ? COMMENT_ON + comment.group(1) : members != null ? members.key() : block;
    }

    /**
     * The block, or each of the constraints it adds when it adds several: MySQL's dump adds a table's foreign keys in
     * one {@code ALTER TABLE}, an item a line, and each is compared, added and dropped on its own.
     */
    private static Stream<String> constraints(String block) {
        Matcher several = CONSTRAINTS.matcher(block);
        if (!several.matches()) {
            return Stream.of(block);
        }
        String[] items = several.group(2).split(",\n  ADD (?=CONSTRAINT )");
        return Arrays.stream(items).map(item -> several.group(1) + "\n  ADD " + item + (item.endsWith(";") ? "" : ";"));
    }

    /**
     * Whether the live text itself turns the committed definition into the live one (and the committed text turns it
     * back): a comment, or a {@code CREATE OR REPLACE} function or procedure whose signature and result stay, which
     * is all that statement may not change (PostgreSQL's {@code pg_get_functiondef} writes them on the first line and
     * a {@code RETURNS} line).
     */
    private static boolean replaceable(String key, String committed, String live) {
        if (key.startsWith(COMMENT_ON)) {
            return true;
        }
        return committed.startsWith(REPLACE) && live.startsWith(REPLACE) && header(committed).equals(header(live));
    }

    /** The index after the last of {@code statements} in {@code list}; 0 where it holds none. */
    private static int lastOf(Set<String> statements, List<String> list) {
        int after = 0;
        for (int i = 0; i < list.size(); i++) {
            after = statements.contains(list.get(i)) ? i + 1 : after;
        }
        return after;
    }

    /** Whether a block of {@code blocks} other than the object's own (keyed {@code key}) names it. */
    private static boolean used(String key, String name, Map<String, String> blocks) {
        Pattern named = Renames.whole(name);
        return blocks.entrySet().stream().anyMatch(block -> !block.getKey().equals(key)
                && named.matcher(block.getValue()).find());
    }

    private static boolean recreated(String committed, String live) {
        DraftTarget target = DraftTarget.of(live);
        return target != null && RECREATED.contains(target.kind()) && !committed.startsWith(REPLACE)
                && !live.startsWith(REPLACE);
    }

    /**
     * Drops a view and creates it again, then the triggers on it (dropping a SQLite view drops them), as committed:
     * in up those both dumps have, in down all; the section's own changes of them follow in up and precede in down,
     * and a committed trigger that the live view lacks is not dropped again ({@link #droppedWithRecreatedView}).
     */
    private static String recreatedView(String drop, String view, List<String> triggers) {
        List<String> statements = new ArrayList<>(List.of(drop, view));
        statements.addAll(triggers);
        return String.join("\n\n", statements);
    }

    private static List<String> header(String routine) {
        List<String> lines = routine.lines().toList();
        List<String> header = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().filter(line -> line.startsWith(" RETURNS ")).forEach(header::add);
        return header;
    }

    private static String changed(String committed, String live) {
        return "-- Changed out of band: write the statement that turns the committed definition\n"
                + comment(committed) + "\n-- into the live one:\n" + comment(live);
    }

    private static String undo(String committed) {
        return "-- Undo the change above: back to\n" + comment(committed);
    }

    private static String comment(String block) {
        return block.lines().map(line -> "-- " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /**
     * Whether the block adds to an object (a text search mapping, a publication's table, a sequence's owner) or a
     * column that the same section drops, or sets what the other dump sets to another value (a sequence's owner, an
     * event trigger's state, a column's storage): dropping that object, or that other value, takes it back, and
     * undoing it too would drop more, fail or set the wrong value.
     */
    private static boolean undoneOtherwise(String block, Map<String, String> dropping, Map<String, String> other) {
        DraftPart part = DraftPart.of(block);
        return part != null && (dropping.containsKey(part.owner()) && !other.containsKey(part.owner())
                || part.onColumnMissingFrom(other)
                || other.values().stream().map(DraftPart::of).anyMatch(part::sameSetting));
    }

    /** @param blocks the blocks of the block's dump, keyed as {@link #key} keys them */
    private static String drop(String key, String block, DraftDialect dialect, Map<String, String> blocks) {
        if (key.startsWith(COMMENT_ON)) {
            return key + " IS NULL;";
        }
        DraftPart part = DraftPart.of(block, blocks);
        if (part != null) {
            return part.undo();
        }
        DraftTarget target = DraftTarget.of(block);
        if (target != null) {
            return target.drop(block, dialect);
        }
        Matcher security = ROW_SECURITY.matcher(block);
        if (security.find()) {
            return security.group(1) + (security.group(2).equals("ENABLE") ? " DISABLE" : " NO FORCE")
                    + " ROW LEVEL SECURITY;";
        }
        return "-- Undo: " + block.lines().findFirst().orElse("");
    }
}
