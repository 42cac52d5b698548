package io.matey.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL partitions both dumps have under another parent or with other bounds, and otherwise the same text
 * (docs/architecture.md §7): each is detached and attached again with its live bounds, every detach before the first
 * attach, as a partition's new bounds may take another's old ones; down detaches them again and attaches them back
 * with their committed bounds. A partition the live dump has as a plain table with its parent's columns looks
 * detached, and a plain table the live dump has as a partition looks attached: drafted as that detach or attach
 * alone, after a comment saying it is inferred. {@link NewPartitions} finds the index copies an attach makes.
 */
final class MovedPartitions {

    private static final String NAME = DraftTarget.NAME;
    /** A partition's {@code CREATE TABLE} up to its parent, and its parent. */
    private static final Pattern HEAD = Pattern.compile("^CREATE (?:UNLOGGED )?TABLE (" + NAME + ") PARTITION OF ("
            + NAME + ")(?=[ \n])");
    /** The partition's bound, on a line of its own after its elements. */
    private static final Pattern BOUND = Pattern.compile("(?m)^(FOR VALUES .*?|DEFAULT);?$");
    private static final String TABLE = "TABLE ";
    /** A named constraint element's name. */
    private static final Pattern NAMED = Pattern.compile("^CONSTRAINT (" + NAME + ") ");
    /** A foreign key the dump adds after its table. */
    private static final Pattern FOREIGN = Pattern.compile("(?s)\\sADD (CONSTRAINT .* FOREIGN KEY .*)$");
    /** A foreign key the dump adds to a table, or its rename of the table's key copy: the table. */
    private static final Pattern FOLLOWING = Pattern.compile("^ALTER TABLE (?:ONLY )?(" + NAME + ")\\s+(?:ADD "
            + "CONSTRAINT " + NAME + " FOREIGN KEY |RENAME CONSTRAINT )");
    /** A plain table's head. */
    private static final Pattern PLAIN = Pattern.compile("^CREATE (?:UNLOGGED )?TABLE " + NAME + "$");

    private final List<String> detachesUp = new ArrayList<>();
    private final List<String> detachesDown = new ArrayList<>();
    private final Map<String, String> attachesUp = new HashMap<>();
    private final Map<String, String> attachesDown = new HashMap<>();
    /** The moved partitions' names. */
    private final Set<String> moved = new HashSet<>();
    /**
     * The moved partitions and the live partitions below them, whose index copies the attach may make, each with the
     * moved partition it is under.
     */
    private final Map<String, String> trees = new HashMap<>();

    private MovedPartitions() {
    }

    static MovedPartitions of(Map<String, String> live, Map<String, String> committed, DraftDialect dialect) {
        MovedPartitions partitions = new MovedPartitions();
        live.forEach((key, block) -> {
            String before = committed.get(key);
            Matcher to = HEAD.matcher(block);
            Matcher from = HEAD.matcher(before == null ? "" : before);
            Matcher toBound = BOUND.matcher(block);
            Matcher fromBound = BOUND.matcher(before == null ? "" : before);
            boolean partition = to.find() && toBound.find();
            boolean wasPartition = from.find() && fromBound.find();
            if (!key.startsWith(TABLE) || before == null || block.equals(before)) {
                return;
            }
            if (partition && wasPartition && rest(block, to, toBound).equals(rest(before, from, fromBound))) {
                String name = to.group(1);
                partitions.moved.add(name);
                partitions.detachesUp.add(detach(from.group(2), name));
                partitions.attachesUp.put(key, attach(to.group(2), name, toBound.group(1)));
                partitions.detachesDown.add(detach(to.group(2), name));
                partitions.attachesDown.put(key, attach(from.group(2), name, fromBound.group(1)));
            } else if (wasPartition && !partition && parentsColumns(block, committed.get(TABLE + from.group(2)))) {
                String name = from.group(1);
                partitions.moved.add(name);
                partitions.detachesUp.add(inferred(name, "detached from " + from.group(2))
                        + detach(from.group(2), name));
                partitions.attachesDown.put(key, attach(from.group(2), name, fromBound.group(1)));
            } else if (partition && !wasPartition && parentsColumns(before, live.get(TABLE + to.group(2)))) {
                String name = to.group(1);
                partitions.moved.add(name);
                partitions.attachesUp.put(key, inferred(name, "attached to " + to.group(2))
                        + attach(to.group(2), name, toBound.group(1)));
                partitions.detachesDown.add(detach(to.group(2), name));
                partitions.detachesDown.addAll(copies(name, before, to.group(2), live, dialect));
            }
        });
        partitions.moved.forEach(name -> partitions.trees.put(name, name));
        // the live partitions of a moved partition, and theirs, repeated until no more are found
        for (boolean found = true; found; ) {
            found = false;
            for (String block : live.values()) {
                Matcher m = HEAD.matcher(block);
                if (m.find() && partitions.trees.containsKey(m.group(2)) && !partitions.trees.containsKey(m.group(1))) {
                    partitions.trees.put(m.group(1), partitions.trees.get(m.group(2)));
                    found = true;
                }
            }
        }
        return partitions;
    }

    /**
     * Whether the block is a plain table (no partition, child or typed table) with the columns, by name in order, of
     * the partitioned table {@code parent}: what detaching a partition of it leaves, and what attaching one needs.
     */
    private static boolean parentsColumns(String block, String parent) {
        TableElements table = TableElements.parse(block);
        TableElements columns = parent == null ? null : TableElements.parse(parent);
        return table != null && columns != null && PLAIN.matcher(table.head()).matches()
                && !table.tail().contains("INHERITS") && parent.contains("\nPARTITION BY ")
                && List.copyOf(table.columns().keySet()).equals(List.copyOf(columns.columns().keySet()));
    }

    /**
     * What takes back the copies of its parent's constraints that attaching the committed table made, which its detach
     * leaves it: a key's under the name PostgreSQL gives it ({@link DraftDialect#clonedKeyName}), a check's and a
     * foreign key's under the parent's name; a comment for one whose name is not known. None for a constraint the
     * table has the same of its own, which the attach uses.
     */
    private static List<String> copies(String table, String committed, String parent, Map<String, String> live,
            DraftDialect dialect) {
        List<String> own = TableElements.parse(committed).constraints().stream().map(MovedPartitions::unnamed).toList();
        List<String> elements = new ArrayList<>(TableElements.parse(live.get(TABLE + parent)).constraints());
        live.forEach((key, block) -> {
            Matcher foreign = FOREIGN.matcher(block);
            if (key.startsWith("CONSTRAINT ") && key.endsWith(" ON " + parent) && foreign.find()) {
                elements.add(foreign.group(1).replaceFirst(";$", ""));
            }
        });
        List<String> drops = new ArrayList<>();
        for (String element : elements) {
            Matcher named = NAMED.matcher(element);
            if (own.contains(unnamed(element)) || !named.find()) {
                continue;
            }
            String name = element.contains(" PRIMARY KEY ") || element.contains(" UNIQUE ")
                    || element.contains(" EXCLUDE ") ? dialect.clonedKeyName(table, element) : named.group(1);
            drops.add(name != null ? "ALTER TABLE " + table + " DROP CONSTRAINT " + name + ";"
                    : "-- Not drafted as SQL: the detach leaves " + table + " the copy of " + parent + "'s " + element
                    + "\n-- that the attach made; drop it by the name it has.");
        }
        return drops;
    }

    /** A constraint element without its name. */
    private static String unnamed(String element) {
        return NAMED.matcher(element).replaceFirst("");
    }

    /** The comment before a detach or an attach that the columns only suggest. */
    private static String inferred(String name, String what) {
        return "-- matey: looks like " + name + " was " + what + " (the parent's columns); check before committing\n";
    }

    /** The block without its parent and bound, which a detach and an attach change. */
    private static String rest(String block, Matcher head, Matcher bound) {
        return block.substring(0, head.start(2)) + block.substring(head.end(2), bound.start(1))
                + block.substring(bound.end(1));
    }

    private static String detach(String parent, String partition) {
        return "ALTER TABLE " + parent + " DETACH PARTITION " + partition + ";";
    }

    private static String attach(String parent, String partition, String bound) {
        return "ALTER TABLE " + parent + " ATTACH PARTITION " + partition + " " + bound + ";";
    }

    /** What comes before the attaches in up: each moved partition detached from its committed parent. */
    List<String> detachesUp() {
        return detachesUp;
    }

    /** What comes before the attaches in down: each moved partition detached from its live parent. */
    List<String> detachesDown() {
        return detachesDown;
    }

    /** Whether the table keyed {@code key} was moved, detached or attached: {@link #attachUp}, {@link #attachDown}. */
    boolean changes(String key) {
        return attachesUp.containsKey(key) || attachesDown.containsKey(key);
    }

    /** The up section's attach of the partition keyed {@code key} to its live parent; null when there is none. */
    String attachUp(String key) {
        return attachesUp.get(key);
    }

    /** The down section's attach of the partition keyed {@code key} to its committed parent; null when there is none. */
    String attachDown(String key) {
        return attachesDown.get(key);
    }

    /**
     * Whether a block only one dump has is a foreign key of a moved, detached or attached partition, or the rename of
     * its key copy: its detach leaves it the foreign keys and keys it had (as its own), and its attach takes them as
     * its copies of the parent's, so neither is drafted.
     */
    boolean follows(String block) {
        Matcher m = FOLLOWING.matcher(block);
        return m.find() && moved.contains(m.group(1));
    }

    /** Whether the table is a moved partition. */
    boolean moved(String table) {
        return moved.contains(table);
    }

    /** The moved partition the table is or is a live partition below; null when none. */
    String under(String table) {
        return trees.get(table);
    }
}
