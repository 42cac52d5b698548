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
 * PostgreSQL partitions only the live dump has (docs/architecture.md §5). {@code PARTITION OF} makes the partition's
 * copies of its parent's indexes, which the dump writes as {@code CREATE INDEX} and {@code ATTACH} (a load creates
 * tables before indexes): where the parent's index exists already, a draft leaves both out and renames the copy from
 * the name PostgreSQL gives it where the live one differs. Down detaches a partition of a table it keeps before it
 * drops it, as a foreign key that references the parent refuses the drop; a partition of a new table goes with it.
 * A partition attached to another parent ({@link MovedPartitions}) gets the copies of that parent's indexes it lacks
 * the same way, and its committed copies detached from the old parent's indexes (by its detach) and attached to the
 * new one's where they match: neither is drafted, and down drops the copies the attach made once it is detached.
 */
final class NewPartitions {

    private static final String NAME = DraftTarget.NAME;
    /** A partition's {@code CREATE TABLE}: its name, its parent's. */
    static final Pattern PARTITION = Pattern.compile("^CREATE (?:UNLOGGED )?TABLE (" + NAME + ") PARTITION OF ("
            + NAME + ")\n");
    private static final Pattern ATTACH = Pattern.compile("^ALTER INDEX (" + NAME + ") ATTACH PARTITION (" + NAME
            + ");$");
    /** An index's name and table, as {@code pg_get_indexdef} writes them. */
    private static final Pattern INDEX_ON = Pattern.compile("^CREATE (?:UNIQUE )?INDEX (" + NAME + ") ON (?:ONLY )?("
            + NAME + ") USING ");
    private static final String TABLE = "TABLE ";
    private static final String INDEX = "INDEX ";
    /** The keys of blocks that name a relation, whose names a copy's name does not take. */
    private static final Pattern RELATION = Pattern.compile("^(?:(?:FOREIGN )?TABLE|INDEX|(?:MATERIALIZED )?VIEW|SEQUENCE"
            + "|TYPE) ");

    /** The live-only blocks that creating the partitions makes, by key. */
    private final Set<String> made = new HashSet<>();
    /** The renames of the copies named otherwise, by the key of their partition. */
    private final Map<String, List<String>> renames = new HashMap<>();
    /** The drops, after its detach in down, of the index copies a moved partition's attach made, by its key. */
    private final Map<String, List<String>> dropsAfterDetach = new HashMap<>();
    /** The statement that detaches each partition of a table both dumps have, by its key. */
    private final Map<String, String> detaches = new HashMap<>();

    /** The partitions of a table the down section drops, which takes them along. */
    private final Set<String> droppedWithParent = new HashSet<>();
    /** The relation names a copy's name may clash with: the committed ones, and the copies' as renamed. */
    private final Set<String> taken = new HashSet<>();

    private NewPartitions() {
    }

    static NewPartitions of(Map<String, String> live, Map<String, String> committed, DraftDialect dialect,
            MovedPartitions moves) {
        NewPartitions partitions = new NewPartitions();
        committed.forEach((key, block) -> {
            Matcher relation = RELATION.matcher(key);
            if (relation.find() && (!key.startsWith("TYPE ") || CompositeType.composite(block))) {
                partitions.taken.add(key.substring(relation.end()));
            }
        });
        Set<String> created = new HashSet<>();
        live.forEach((key, block) -> {
            Matcher m = PARTITION.matcher(block);
            if (!committed.containsKey(key) && m.find()) {
                created.add(m.group(1));
                if (live.containsKey(TABLE + m.group(2)) && !committed.containsKey(TABLE + m.group(2))) {
                    partitions.droppedWithParent.add(key);
                } else if (committed.containsKey(TABLE + m.group(2))) {
                    partitions.detaches.put(key, "ALTER TABLE " + m.group(2) + " DETACH PARTITION " + m.group(1) + ";");
                }
            }
        });
        // a sub-partition's copy is of its new parent's copy: repeated until no more are found
        for (boolean found = true; found; ) {
            found = false;
            for (Map.Entry<String, String> entry : live.entrySet()) {
                Matcher m = ATTACH.matcher(entry.getValue());
                String index = m.find() ? live.get(INDEX + m.group(2)) : null;
                Matcher on = index == null ? null : INDEX_ON.matcher(index);
                String table = on != null && on.find() ? on.group(2) : null;
                String moved = table == null ? null : moves.under(table);
                if (table != null && (created.contains(table) || moved != null)
                        && !partitions.made.contains(entry.getKey())
                        && (committed.containsKey(INDEX + m.group(1)) || partitions.made.contains(INDEX + m.group(1)))) {
                    partitions.made.add(entry.getKey());
                    // a moved partition's committed index is attached, not made
                    if (moved == null || !committed.containsKey(INDEX + m.group(2))) {
                        partitions.made.add(INDEX + m.group(2));
                        partitions.rename(moved == null ? table : moved, m.group(2), index, dialect);
                    }
                    if (moves.moved(table) && !committed.containsKey(INDEX + m.group(2))) {
                        partitions.dropsAfterDetach.computeIfAbsent(TABLE + table, key -> new ArrayList<>())
                                .add("DROP INDEX " + m.group(2) + ";");
                    }
                    found = true;
                }
            }
        }
        // a moved partition's copies attached to its committed parent's indexes, which its detach takes back
        committed.forEach((key, block) -> {
            Matcher m = ATTACH.matcher(block);
            Matcher on = m.find() && committed.containsKey(INDEX + m.group(2))
                    ? INDEX_ON.matcher(committed.get(INDEX + m.group(2))) : null;
            if (!live.containsKey(key) && on != null && on.find() && moves.moved(on.group(2))) {
                partitions.made.add(key);
            }
        });
        return partitions;
    }

    /**
     * Renames the copy of an index on a new partition from the name PostgreSQL gives it, where that differs: the
     * first of its names with a clash's number that no relation has.
     */
    private void rename(String table, String qualified, String index, DraftDialect dialect) {
        Matcher m = INDEX_ON.matcher(index);
        if (!m.find()) {
            return;
        }
        String schema = qualified.substring(0, qualified.length() - m.group(1).length());
        String chosen = dialect.clonedIndexName(index, 0);
        for (int clash = 1; chosen != null && taken.contains(schema + chosen); clash++) {
            chosen = dialect.clonedIndexName(index, clash);
        }
        taken.add(qualified);
        if (chosen != null && !chosen.equals(m.group(1))) {
            renames.computeIfAbsent(TABLE + table, key -> new ArrayList<>())
                    .add("ALTER INDEX " + schema + chosen + " RENAME TO " + m.group(1) + ";");
        }
    }

    /** What follows a moved partition's detach in down: the drops of the index copies its attach made. */
    List<String> dropsAfterDetach(String key) {
        return dropsAfterDetach.getOrDefault(key, List.of());
    }

    /**
     * Whether creating or attaching a partition makes the block, or (for a committed block) a moved partition's
     * detach takes it back.
     */
    boolean made(String key) {
        return made.contains(key);
    }

    /**
     * What follows the partition's {@code CREATE TABLE} in up, or a moved partition's attach: its copies' renames (a
     * moved one's, those of the partitions below it too).
     */
    List<String> renames(String key) {
        return renames.getOrDefault(key, List.of());
    }

    /** Whether dropping its parent (a table only the live dump has) drops the partition. */
    boolean droppedWithParent(String key) {
        return droppedWithParent.contains(key);
    }

    /** What precedes the partition's drop in down: its detach from its parent; null when none is needed. */
    String detach(String key) {
        return detaches.get(key);
    }
}
